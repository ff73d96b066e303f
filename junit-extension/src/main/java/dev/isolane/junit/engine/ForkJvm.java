package dev.isolane.junit.engine;

import dev.isolane.core.launch.ArgumentFile;
import dev.isolane.core.launch.LeanJvm;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How to start a JVM like this one, taken when the tests are discovered (before any test could change a system
 * property): the same {@code java}, class path, module path and JVM options, minus what cannot be shared (a
 * debugger's port, an IDE's agent), plus the system properties set after start-up (Surefire sets its {@code
 * systemPropertyVariables} that way), after the options that make a short-lived JVM start fast ({@link LeanJvm}).
 *
 * @param java             the {@code java} launcher
 * @param options          JVM options, one argument each
 * @param classpath        class path entries, in order
 * @param workingDirectory where the fork starts
 */
record ForkJvm(Path java, List<String> options, List<String> classpath, Path workingDirectory) {

    ForkJvm {
        options = List.copyOf(options);
        classpath = List.copyOf(classpath);
    }

    static ForkJvm ofThisJvm(List<String> extraOptions, Collection<Class<?>> needed) {
        List<String> inputArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> inherited = inheritedOptions(inputArguments);
        // Tuned to start fast, as the Maven plugin starts isolated JVMs; this JVM's options and jvmArgs come after.
        List<String> options = new ArrayList<>(LeanJvm.options(String.join(" ", inherited) + " "
                + String.join(" ", extraOptions)));
        options.addAll(inherited);
        Set<String> onCommandLine = new HashSet<>();
        for (String argument : inputArguments) {
            if (argument.startsWith("-D")) {
                int equals = argument.indexOf('=');
                onCommandLine.add(equals < 0 ? argument.substring(2) : argument.substring(2, equals));
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            String value = System.getProperty(key);
            if (value != null && !onCommandLine.contains(key) && !ownedByTheJvm(key) && !isReporting(key)) {
                options.add("-D" + key + "=" + value);
            }
        }
        options.addAll(extraOptions);
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return new ForkJvm(Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java"), options,
                classpath(needed), Path.of(System.getProperty("user.dir")));
    }

    /** The launching JVM's options that make sense in a fork. */
    static List<String> inheritedOptions(List<String> inputArguments) {
        List<String> options = new ArrayList<>();
        for (String argument : inputArguments) {
            boolean debugger = argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp")
                    || argument.equals("-Xdebug");
            // IntelliJ's launcher agent talks to the IDE on a port of its own; a second copy would fight over it.
            boolean ideAgent = argument.startsWith("-javaagent:") && argument.contains("idea_rt");
            boolean classpath = argument.startsWith("-Djava.class.path=") || argument.startsWith("-Dsun.java.command=");
            boolean reporting = argument.startsWith("-D") && isReporting(argument.substring(2));
            if (!debugger && !ideAgent && !classpath && !reporting) {
                options.add(argument);
            }
        }
        return options;
    }

    /** Properties the JVM sets for itself; a fork computes its own. */
    static boolean ownedByTheJvm(String key) {
        for (String prefix : List.of("java.", "jdk.", "sun.", "os.", "user.", "file.", "awt.")) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return Set.of("line.separator", "path.separator", "native.encoding", "stdout.encoding", "stderr.encoding")
                .contains(key);
    }

    /** A fork writing the launcher's own report files (Open Test Reporting) would overwrite them. */
    static boolean isReporting(String key) {
        return key.startsWith("junit.platform.reporting.");
    }

    /**
     * The class path the tests were loaded from (Surefire keeps it in {@code surefire.test.class.path}, since its
     * own class path is a manifest-only jar), then what class loaders on the way added (the ConsoleLauncher's {@code
     * --class-path}), then the jars of {@code needed} classes that are still missing (Surefire keeps the JUnit
     * launcher off the test class path).
     */
    static List<String> classpath(Collection<Class<?>> needed) {
        Set<String> entries = new LinkedHashSet<>();
        String testClasspath = System.getProperty("surefire.test.class.path");
        split(testClasspath != null ? testClasspath : System.getProperty("java.class.path", ""), entries);
        List<ClassLoader> chain = new ArrayList<>();
        for (ClassLoader loader = RealEngines.loader(); loader != null; loader = loader.getParent()) {
            chain.add(0, loader);
        }
        for (ClassLoader loader : chain) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    pathOf(url).ifPresent(entries::add);
                }
            }
        }
        for (Class<?> type : needed) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                pathOf(source.getLocation()).ifPresent(entries::add);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void split(String classpath, Set<String> entries) {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
    }

    private static Optional<String> pathOf(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI()).toString())
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The content of a {@code java} argument file: every option, then the class path. */
    String argFile() {
        return ArgumentFile.content(List.of(), options, classpath);
    }
}
