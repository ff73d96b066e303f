package dev.isolane.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What worker JVMs need on top of the project's test classpath ({@link TestClasspath}): the runner-core jar, then, only
 * when the project does not bring them, the JUnit Platform pieces that match the user's own (as Surefire resolves
 * its provider):
 * <ul>
 *   <li>a launcher: none added;</li>
 *   <li>an engine ({@code junit-platform-engine}, which every engine brings): the launcher of the same version;</li>
 *   <li>no engine: the Jupiter engine of the project's {@code junit-jupiter-api} version when it has that API, and
 *       the Vintage engine when it has {@code junit:junit} (4.12 or later), of the same version (or, for JUnit 4
 *       alone, the one matching any JUnit Platform piece the project has, else {@value #DEFAULT_VINTAGE_VERSION});
 *       then the matching launcher.</li>
 * </ul>
 * Isolane never puts a Platform version of its own beside the user's.
 */
final class WorkerClasspath {

    static final String PLATFORM_GROUP = "org.junit.platform";
    /**
     * For TestNG tests without the engine that runs them on the Platform: the version Surefire 3.6 adds in that case.
     */
    static final String TESTNG_ENGINE = "org.junit.support:testng-engine:1.1.0";
    /** For JUnit 4 suites without any Platform engine: run them through the Vintage engine. */
    static final String DEFAULT_VINTAGE_VERSION = "5.14.4";

    private final MavenProject project;
    private final MavenSession session;
    private final PluginDescriptor plugin;
    private final RepositorySystem repositorySystem;
    private final Log log;

    WorkerClasspath(MavenProject project, MavenSession session, PluginDescriptor plugin,
            RepositorySystem repositorySystem, Log log) {
        this.project = project;
        this.session = session;
        this.plugin = plugin;
        this.repositorySystem = repositorySystem;
        this.log = log;
    }

    List<Path> isolaneClasspath() throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>();
        classpath.add(pluginArtifact("dev.isolane", "isolane-runner-core").getFile().toPath());
        Optional<Artifact> launcher = projectArtifact(PLATFORM_GROUP, "junit-platform-launcher");
        Optional<Artifact> engine = projectArtifact(PLATFORM_GROUP, "junit-platform-engine");
        List<String> testngEngine = testngEngineIfMissing();
        if (launcher.isPresent()) {
            List<String> added = new ArrayList<>(testngEngine);
            added.addAll(vintageEngineIfMissing(jupiterVersionOf(launcher.get().getBaseVersion())));
            classpath.addAll(resolve(added.toArray(String[]::new)));
            return classpath;
        }
        if (engine.isPresent()) {
            String version = engine.get().getBaseVersion();
            log.debug("Adding junit-platform-launcher " + version + " to match the project's junit-platform-engine");
            List<String> added = new ArrayList<>(List.of(PLATFORM_GROUP + ":junit-platform-launcher:" + version));
            added.addAll(testngEngine);
            added.addAll(vintageEngineIfMissing(jupiterVersionOf(version)));
            classpath.addAll(resolve(added.toArray(String[]::new)));
            return classpath;
        }
        Optional<Artifact> jupiterApi = projectArtifact("org.junit.jupiter", "junit-jupiter-api");
        Optional<Artifact> junit4 = projectArtifact("junit", "junit");
        if (jupiterApi.isEmpty() && junit4.isEmpty() && testngEngine.isEmpty()) {
            throw new MojoExecutionException("No test framework on the test classpath of " + project.getId()
                    + ": add org.junit.jupiter:junit-jupiter (or junit:junit for JUnit 4) as a test dependency.");
        }
        // The engines that match what the project has; their version fixes the launcher's.
        String jupiterVersion = jupiterApi.map(Artifact::getBaseVersion)
                .or(() -> projectArtifact(PLATFORM_GROUP, "junit-platform-commons")
                        .map(commons -> jupiterVersionOf(commons.getBaseVersion())))
                .orElse(DEFAULT_VINTAGE_VERSION);
        List<String> engines = new ArrayList<>();
        if (jupiterApi.isPresent()) {
            engines.add("org.junit.jupiter:junit-jupiter-engine:" + jupiterVersion);
        }
        if (junit4.isPresent()) {
            requireVintageCapable(junit4.get());
            engines.add("org.junit.vintage:junit-vintage-engine:" + jupiterVersion);
        }
        if (!engines.isEmpty()) {
            log.info("No JUnit Platform engine on the test classpath; adding " + String.join(" and ", engines.stream()
                    .map(e -> e.substring(e.indexOf(':') + 1).replace(':', ' ')).toList()) + " for the tests");
        }
        engines.addAll(testngEngine);
        // First, so that its Platform version wins over an older one an engine asks for (testng-engine's 1.7).
        engines.add(0, PLATFORM_GROUP + ":junit-platform-launcher:" + platformVersionOf(jupiterVersion));
        classpath.addAll(resolve(engines.toArray(String[]::new)));
        return classpath;
    }

    /** testng-engine, when the project has TestNG but not the engine, as Surefire 3.6 adds it; else nothing. */
    private List<String> testngEngineIfMissing() {
        if (projectArtifact("org.testng", "testng").isEmpty()
                || projectArtifact("org.junit.support", "testng-engine").isPresent()) {
            return List.of();
        }
        log.info("TestNG is on the test classpath without its JUnit Platform engine; adding "
                + TESTNG_ENGINE.substring(TESTNG_ENGINE.indexOf(':') + 1).replace(':', ' ') + " for the tests");
        return List.of(TESTNG_ENGINE);
    }

    /**
     * The Vintage engine of this version when the project has JUnit 4 (4.12 or later; often only through another
     * library, such as guava-testlib) beside an engine of its own but not Vintage: Surefire 3.6 adds it then, and runs
     * the JUnit 3 and 4 classes it finds.
     */
    private List<String> vintageEngineIfMissing(String version) {
        Optional<Artifact> junit4 = projectArtifact("junit", "junit");
        if (junit4.isEmpty() || projectArtifact("org.junit.vintage", "junit-vintage-engine").isPresent()) {
            return List.of();
        }
        try {
            requireVintageCapable(junit4.get());
        } catch (MojoExecutionException tooOld) {
            log.warn(tooOld.getMessage() + " Its JUnit 4 tests do not run.");
            return List.of();
        }
        log.info("JUnit 4 is on the test classpath without the Vintage engine; adding junit-vintage-engine " + version
                + " for its tests, as Surefire does");
        return List.of("org.junit.vintage:junit-vintage-engine:" + version);
    }

    /** JUnit 5.x ships Platform 1.x (5.14 -> 1.14); from JUnit 6 on, one version number for everything. */
    static String platformVersionOf(String jupiterVersion) {
        return jupiterVersion.startsWith("5.") ? "1." + jupiterVersion.substring(2) : jupiterVersion;
    }

    /** The reverse: Platform 1.x goes with Jupiter and Vintage 5.x. */
    static String jupiterVersionOf(String platformVersion) {
        return platformVersion.startsWith("1.") ? "5." + platformVersion.substring(2) : platformVersion;
    }

    /** The Vintage engine runs JUnit 4.12 and later; an older JUnit would fail in every worker, so say so now. */
    static void requireVintageCapable(Artifact junit) throws MojoExecutionException {
        String[] parts = junit.getBaseVersion().split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (major == 4 && minor < 12) {
                throw new MojoExecutionException("junit:junit " + junit.getBaseVersion() + " is too old: Isolane runs"
                        + " JUnit 4 tests through the JUnit Vintage engine, which needs junit:junit 4.12 or later."
                        + " Upgrade the dependency to 4.13.2.");
            }
        } catch (NumberFormatException e) {
            // an unusual version string; let the engine decide
        }
    }

    private Optional<Artifact> projectArtifact(String groupId, String artifactId) {
        return project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals(groupId) && a.getArtifactId().equals(artifactId))
                .findFirst();
    }

    private Artifact pluginArtifact(String groupId, String artifactId) throws MojoExecutionException {
        Artifact artifact = plugin.getArtifactMap().get(groupId + ":" + artifactId);
        if (artifact == null || artifact.getFile() == null) {
            throw new MojoExecutionException("The Isolane plugin's own " + artifactId + " jar is missing from its"
                    + " classpath; reinstall the plugin.");
        }
        return artifact;
    }

    /** Resolve artifacts with their dependencies, leaving out what the test classpath already has. */
    private List<Path> resolve(String... coordinates) throws MojoExecutionException {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(new DefaultArtifact(coordinate), "runtime"));
        }
        collect.setRepositories(project.getRemoteProjectRepositories());
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : repositorySystem.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults()) {
                org.eclipse.aether.artifact.Artifact artifact = result.getArtifact();
                if (projectArtifact(artifact.getGroupId(), artifact.getArtifactId()).isEmpty()) {
                    files.add(artifact.getFile().toPath());
                }
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("Cannot resolve " + String.join(", ", coordinates) + " for the test"
                    + " workers: " + e.getMessage(), e);
        }
    }
}
