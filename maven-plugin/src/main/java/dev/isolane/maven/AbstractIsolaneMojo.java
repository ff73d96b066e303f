package dev.isolane.maven;

import dev.isolane.core.RunFailedException;
import dev.isolane.core.run.Verdict;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every Isolane goal shares: whether to skip, decided once before anything else, and how a {@link Verdict}
 * becomes the build's result. Each goal says what else skips it and does its work in {@link #executeGoal()}.
 */
abstract class AbstractIsolaneMojo extends AbstractMojo {

    /** Skip compiling and running the tests, unit and integration tests alike. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipsTests()) {
            getLog().info("Tests are skipped.");
            return;
        }
        try {
            executeGoal();
        } catch (RunFailedException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Whether this goal's own skip parameters are set ({@code skipTests}, {@code skipITs}). */
    abstract boolean skipsTests();

    /** @throws RunFailedException when no test could run (no worker JVM started, say), unless the goal records it */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** Report what the verdict reports, and fail as it says: on tests, or, when internal, as a build error. */
    final void decide(Verdict verdict) throws MojoExecutionException, MojoFailureException {
        verdict.errors().forEach(getLog()::error);
        if (!verdict.passes()) {
            if (verdict.internal()) {
                throw new MojoExecutionException(verdict.failure());
            }
            throw new MojoFailureException(verdict.failure());
        }
    }
}
