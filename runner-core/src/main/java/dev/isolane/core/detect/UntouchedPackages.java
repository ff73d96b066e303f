package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Packages whose classes the worker agent's class file transformers leave alone, as prefixes of internal class names
 * ({@code org/junit/}). Both transformers, exit interception and state-access detection, start from {@link #COMMON}
 * and name what only they add, next to the reason.
 *
 * @param prefixes package prefixes with slashes, each ending in a slash
 */
@API(status = INTERNAL, since = "0.1")
public record UntouchedPackages(List<String> prefixes) {

    /** Code that is not the user's: what it does and the state it keeps belong to no test class. */
    public static final UntouchedPackages COMMON = new UntouchedPackages(List.of(
            // The JDK. Most of it loads through the boot and platform loaders, which both skip; these catch the rest.
            "java/", "javax/", "jdk/", "sun/", "com/sun/",
            // JUnit and the libraries its API uses: they run every class, so their state is everyone's by design,
            // and their launchers (ConsoleLauncher) end the JVM on purpose.
            "org/junit/", "junit/", "org/opentest4j/", "org/apiguardian/",
            // Isolane on the test classpath: the ASM the transformers themselves run on, and the JUnit extension
            // (its state is the run's own; it calls no exit).
            "dev/isolane/shaded/", "dev/isolane/junit/"));

    public UntouchedPackages {
        prefixes = List.copyOf(prefixes);
    }

    /** These packages and {@code more}. */
    public UntouchedPackages plus(String... more) {
        List<String> all = new ArrayList<>(prefixes);
        all.addAll(Arrays.asList(more));
        return new UntouchedPackages(all);
    }

    /** Whether the class with internal name {@code internalName} ({@code com/acme/Foo}) is in one of them. */
    public boolean contains(String internalName) {
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
