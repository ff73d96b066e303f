package dev.isolane.maven.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package, which {@code .ci/run} installs when missing) opening a page
 * from {@code file://}: the DOM after the page's script ran, or a screenshot.
 */
public final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or the test is skipped saying how to install it. */
    public static Chromium require() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(found.isPresent(), "No headless Chromium on the PATH (looked for " + NAMES + "), and"
                + " none could be installed here. Install Debian's chromium package (apt-get install chromium), as"
                + " .ci/run does, to run the browser tests.");
        return new Chromium(found.get());
    }

    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The page's DOM once it has loaded and its script has run, as Chromium serializes it. */
    public String dumpDom(Path page) {
        return new String(run(page, "--dump-dom"), StandardCharsets.UTF_8);
    }

    /** A PNG of the page as a laptop screen of that size shows it from the top. */
    public Path screenshot(Path page, Path png, int width, int height) {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("Chromium wrote no screenshot " + png);
        }
        return png;
    }

    private byte[] run(Path page, String... options) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("isolane-chromium-");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--no-first-run", "--disable-extensions", "--virtual-time-budget=10000",
                    "--user-data-dir=" + profile));
            command.addAll(List.of(options));
            command.add(page.toAbsolutePath().toUri().toString());
            Path errors = profile.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not finish within 2 minutes: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(errors));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
