package dev.isolane.maven;

import dev.isolane.core.InvalidConfigException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;

/**
 * Surefire's changes to the project's test class path: dependencies left out by pattern
 * ({@code classpathDependencyExcludes}) or scope ({@code classpathDependencyScopeExclude}), elements appended
 * ({@code additionalClasspathElements}), and, for integration tests, the project's jar in place of its classes
 * directory, as Failsafe runs them against what {@code package} built.
 *
 * @param dependencyExcludes {@code groupId:artifactId[:type[:classifier][:version]]} patterns, {@code *} anywhere;
 *                           a matching dependency leaves, its own dependencies stay
 * @param scopeExclude       Maven's scope filter name, or null: the scopes it names leave
 * @param additional         paths to append, each possibly a comma-separated list
 */
record TestClasspath(List<String> dependencyExcludes, String scopeExclude, List<String> additional) {

    /** Maven's {@code ScopeArtifactFilter}: each name stands for the scopes it lets through. */
    private static final Map<String, Set<String>> SCOPE_FILTERS = Map.of(
            "compile", Set.of("system", "provided", "compile"),
            "runtime", Set.of("compile", "runtime"),
            "compile+runtime", Set.of("system", "provided", "compile", "runtime"),
            "runtime+system", Set.of("system", "compile", "runtime"),
            "test", Set.of("system", "provided", "compile", "runtime", "test"));

    TestClasspath {
        dependencyExcludes = dependencyExcludes == null ? List.of()
                : dependencyExcludes.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        scopeExclude = scopeExclude == null || scopeExclude.isBlank() ? null : scopeExclude.trim();
        if (scopeExclude != null && !SCOPE_FILTERS.containsKey(scopeExclude)) {
            throw new InvalidConfigException("classpathDependencyScopeExclude", scopeExclude, "Use one of: compile"
                    + " (leaves out system, provided and compile dependencies), runtime (compile, runtime),"
                    + " compile+runtime, runtime+system, test.");
        }
        additional = additional == null ? List.of() : additional.stream().filter(e -> e != null)
                .flatMap(element -> List.of(element.split(",")).stream()).map(String::trim)
                .filter(e -> !e.isEmpty()).toList();
    }

    /**
     * The class path: the project's, in its order, without the excluded dependencies' files, with {@code mainOutput}
     * for the classes directory, and the additional elements last.
     */
    List<Path> apply(List<String> projectClasspath, String outputDirectory, Path mainOutput,
            Collection<Artifact> artifacts) {
        Set<String> excluded = new HashSet<>();
        for (Artifact artifact : artifacts) {
            if (artifact.getFile() != null && isExcluded(artifact)) {
                excluded.add(artifact.getFile().getAbsolutePath());
            }
        }
        List<Path> classpath = new ArrayList<>();
        for (String element : projectClasspath) {
            if (element.equals(outputDirectory)) {
                classpath.add(mainOutput);
            } else if (!excluded.contains(new File(element).getAbsolutePath())) {
                classpath.add(Path.of(element));
            }
        }
        additional.forEach(element -> classpath.add(Path.of(element)));
        return classpath;
    }

    boolean isExcluded(Artifact artifact) {
        if (scopeExclude != null && SCOPE_FILTERS.get(scopeExclude).contains(artifact.getScope())) {
            return true;
        }
        return dependencyExcludes.stream().anyMatch(pattern -> DependenciesToScan.matches(pattern, artifact));
    }

    /** The excluded dependencies among these, as {@code groupId:artifactId:version}, for the build log. */
    List<String> excludedOf(Collection<Artifact> artifacts) {
        return artifacts.stream().filter(this::isExcluded)
                .map(a -> a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion()).toList();
    }
}
