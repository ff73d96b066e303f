package dev.isolane.maven;

import dev.isolane.core.select.Glob;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;

/**
 * Surefire's {@code dependenciesToScan}: which of the project's dependencies hold test classes to run, named as
 * {@code groupId[:artifactId[:type[:classifier][:version]]]}, each part a glob ({@code *}) or empty for any. With four
 * parts the fourth may name the classifier or the version. The matching artifacts' files (a test-jar, or a reactor
 * module's class directory) are scanned like the project's own test classes; they are on the test classpath already.
 */
final class DependenciesToScan {

    private DependenciesToScan() {}

    /** The files of the artifacts any pattern matches, in the project's classpath order; patterns matching none. */
    record Selection(List<Path> files, List<String> unmatched) {}

    static Selection select(List<String> patterns, Collection<Artifact> artifacts) {
        List<Path> files = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        if (patterns == null) {
            return new Selection(files, unmatched);
        }
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            boolean any = false;
            for (Artifact artifact : artifacts) {
                File file = artifact.getFile();
                if (file != null && matches(pattern.trim(), artifact)) {
                    any = true;
                    if (!files.contains(file.toPath())) {
                        files.add(file.toPath());
                    }
                }
            }
            if (!any) {
                unmatched.add(pattern.trim());
            }
        }
        return new Selection(files, unmatched);
    }

    static boolean matches(String pattern, Artifact artifact) {
        String[] parts = pattern.split(":", -1);
        if (parts.length > 5) {
            return false;
        }
        String classifier = artifact.getClassifier() == null ? "" : artifact.getClassifier();
        boolean match = glob(parts[0], artifact.getGroupId())
                && (parts.length < 2 || glob(parts[1], artifact.getArtifactId()))
                && (parts.length < 3 || glob(parts[2], artifact.getType()));
        if (parts.length == 4) {
            match &= glob(parts[3], classifier) || glob(parts[3], artifact.getBaseVersion())
                    || glob(parts[3], artifact.getVersion());
        } else if (parts.length == 5) {
            match &= glob(parts[3], classifier)
                    && (glob(parts[4], artifact.getBaseVersion()) || glob(parts[4], artifact.getVersion()));
        }
        return match;
    }

    private static boolean glob(String glob, String value) {
        if (glob.isEmpty() || glob.equals("*")) {
            return true;
        }
        return value != null && value.matches(Glob.toRegex(glob));
    }
}
