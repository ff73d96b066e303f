package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collection;
import org.apiguardian.api.API;

/**
 * Test counts, as Surefire prints them: a test is counted once, under its final status; a flake (passed on a rerun) is
 * counted as passed and in {@code flakes}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Totals(int tests, int passed, int failed, int errors, int skipped, int flakes) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0);

    public static Totals of(Collection<TestResult> results) {
        int passed = 0, failed = 0, errors = 0, skipped = 0, flakes = 0;
        for (TestResult result : results) {
            flakes += result.isFlaky() ? 1 : 0;
            switch (result.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
                case SKIPPED -> skipped++;
            }
        }
        return new Totals(results.size(), passed, failed, errors, skipped, flakes);
    }

    public Totals plus(Totals other) {
        return new Totals(tests + other.tests, passed + other.passed, failed + other.failed,
                errors + other.errors, skipped + other.skipped, flakes + other.flakes);
    }

    /** Surefire's own summary line, which CI log scrapers look for. */
    public String surefireLine() {
        return "Tests run: " + tests + ", Failures: " + failed + ", Errors: " + errors + ", Skipped: " + skipped
                + (flakes > 0 ? ", Flakes: " + flakes : "");
    }
}
