package dev.isolane.core.select;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apiguardian.api.API;

/**
 * Finds candidate test classes in class directories and jars (a dependency's test-jar, with
 * {@code dependenciesToScan}), as Surefire does; nothing is loaded here, so the coordinator never touches user code.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassScanner {

    private ClassScanner() {}

    /**
     * The binary names of the classes the selection picks, without duplicates, in the order the directories and jars
     * list their files (Surefire's {@code runOrder=filesystem}; the planner sorts for every other order).
     */
    public static List<String> scan(List<Path> roots, TestSelection selection) {
        Set<String> names = new LinkedHashSet<>();
        Predicate<String> selected = selection.toFilter();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                scanDirectory(root, selected, names);
            } else if (Files.isRegularFile(root)) {
                scanJar(root, selected, names);
            }
        }
        return List.copyOf(names);
    }

    private static void scanDirectory(Path directory, Predicate<String> selected, Set<String> names) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .forEach(path -> add(path, selected, names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test classes in " + directory, e);
        }
    }

    private static void scanJar(Path jar, Predicate<String> selected, Set<String> names) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                // Multi-release jars repeat classes under META-INF/versions; the base entry is enough.
                if (!entry.isDirectory() && entry.getName().endsWith(".class")
                        && !entry.getName().startsWith("META-INF/")) {
                    add(entry.getName(), selected, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test classes in " + jar, e);
        }
    }

    private static void add(String classFile, Predicate<String> selected, Set<String> names) {
        String path = classFile.substring(0, classFile.length() - ".class".length());
        if (!path.endsWith("module-info") && !path.endsWith("package-info") && selected.test(path)) {
            names.add(path.replace('/', '.'));
        }
    }
}
