package dev.isolane.maven;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.run.HistoryMerging;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the history files written by the shards of a suite split over several machines ({@code shard}) into one
 * history file, to be cached for the next run: per class, the entry that ran last. Needs no project, so a CI's final
 * job can run it on the shards' artifacts alone.
 */
@Mojo(name = "merge-history", requiresProject = false, threadSafe = true)
public class MergeHistoryMojo extends AbstractMojo {

    /**
     * The shards' history files: paths or globs, comma-separated on the command line, relative to the current
     * directory, such as {@code shards/*}{@code /history.json}.
     */
    @Parameter(property = "isolane.histories")
    List<String> histories;

    /** The merged history file to write; it may be one of the inputs. */
    @Parameter(property = "isolane.historyFile", defaultValue = "${basedir}/.isolane/history.json")
    File historyFile;

    /** Where relative paths and globs start. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            HistoryMerging.merge(basedir.toPath(), histories, historyFile.toPath(), new MavenRunLog(getLog()));
        } catch (InvalidConfigException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the merged history file " + historyFile + ": " + e, e);
        }
    }
}
