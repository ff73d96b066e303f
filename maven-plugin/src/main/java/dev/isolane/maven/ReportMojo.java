package dev.isolane.maven;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.run.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the HTML report, a merged {@code isolane-report.json} and the {@code TEST-*.xml} files from one or more
 * {@code isolane-report.json}: in CI, the reports of several machines or shards as one, each run a group of its own,
 * the totals added. Runs without a project too ({@code mvn isolane:report -Disolane.reports=...}).
 */
@Mojo(name = "report", requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /**
     * The reports to merge, comma-separated: {@code isolane-report.json} files, directories searched for them at any
     * depth, or globs such as {@code shard-*}{@code /target/isolane-reports}, relative to the project's directory.
     */
    @Parameter(property = "isolane.reports", defaultValue = "${project.build.directory}/isolane-reports")
    String reports;

    /** Where the merged report, its XML files and {@code isolane-report.html} go. */
    @Parameter(property = "isolane.reportsDirectory", defaultValue = "${project.build.directory}/isolane-reports")
    File reportsDirectory;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException {
        Path base = basedir != null ? basedir.toPath() : Path.of("").toAbsolutePath();
        try {
            List<Path> files = Reports.find(reports == null ? List.of() : Arrays.asList(reports.split(",")), base,
                    reportsDirectory.toPath());
            Reports.merge(files, reportsDirectory.toPath(), new MavenRunLog(getLog()));
        } catch (InvalidConfigException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Isolane could not write the merged report to " + reportsDirectory
                    + ": " + e.getMessage(), e);
        }
    }
}
