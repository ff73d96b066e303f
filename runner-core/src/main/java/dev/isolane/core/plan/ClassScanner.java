package dev.isolane.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds candidate test classes by walking class directories, as Surefire does; nothing is loaded here, so the
 * coordinator never touches user code.
 */
public final class ClassScanner {

    private ClassScanner() {}

    /** The binary names of the classes the selection picks, sorted, without duplicates. */
    public static List<String> scan(List<Path> classDirectories, TestSelection selection) {
        TreeSet<String> names = new TreeSet<>();
        Predicate<String> selected = selection.toFilter();
        for (Path directory : classDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".class"))
                        .map(file -> classPath(directory, file))
                        .filter(path -> !path.endsWith("module-info") && !path.endsWith("package-info"))
                        .filter(selected)
                        .forEach(path -> names.add(path.replace('/', '.')));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read test classes in " + directory, e);
            }
        }
        return List.copyOf(names);
    }

    private static String classPath(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".class".length());
    }
}
