package dev.isolane.core.coordinator;

import dev.isolane.core.ModulePatching;
import dev.isolane.core.launch.ArgumentFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The worker class path of a modular project split as Surefire splits it ({@code useModulePath}): the main module and
 * the modules it requires, transitively ({@code requires static} too), go on the module path; the test classes are
 * patched into the main module, which reads the class path and opens the test classes' packages to it; everything
 * else (the test-only libraries, JUnit, Isolane's worker) stays on the class path. Like Surefire, every module on the
 * module path is resolved ({@code --add-modules ALL-MODULE-PATH}); unlike Surefire, every explicit module there also
 * reads the class path, because the shared worker's agent makes instrumented code call into Isolane, which is there.
 *
 * @param moduleName  the main module
 * @param modulePath  the main module's location first, then the modules it requires, in class path order
 * @param classPath   the rest of the class path, in order
 * @param patch       the test classes directory
 * @param packages    the packages of the test classes
 * @param readers     the explicit modules on the module path, which are made to read the class path
 */
record ModularClasspath(String moduleName, List<Path> modulePath, List<Path> classPath, Path patch,
        List<String> packages, List<String> readers) {

    /**
     * How a class path splits for a module, or empty when the main output holds no module descriptor; a project that
     * puts one in its tests instead (a test module) runs on the class path too.
     *
     * @param classpath the worker class path, in order; it holds the main output and the test classes directory
     */
    static Optional<ModularClasspath> of(ModulePatching patching, List<Path> classpath) {
        if (isModuleDescriptorIn(patching.testOutput())) {
            return Optional.empty();
        }
        Optional<ModuleDescriptor> main = explicitModule(patching.mainOutput());
        if (main.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Path> locations = new LinkedHashMap<>();
        Map<String, ModuleDescriptor> descriptors = new LinkedHashMap<>();
        for (Path entry : classpath) {
            if (!entry.equals(patching.mainOutput()) && !entry.equals(patching.testOutput())) {
                module(entry).ifPresent(descriptor -> {
                    locations.putIfAbsent(descriptor.name(), entry);
                    descriptors.putIfAbsent(descriptor.name(), descriptor);
                });
            }
        }
        Set<Path> required = new HashSet<>();
        required.add(patching.mainOutput());
        Set<String> seen = new TreeSet<>();
        Deque<ModuleDescriptor> pending = new ArrayDeque<>(List.of(main.get()));
        ModuleFinder system = ModuleFinder.ofSystem();
        while (!pending.isEmpty()) {
            for (ModuleDescriptor.Requires requires : pending.poll().requires()) {
                String name = requires.name();
                if (seen.add(name) && system.find(name).isEmpty() && locations.containsKey(name)) {
                    required.add(locations.get(name));
                    pending.add(descriptors.get(name));
                }
            }
        }
        List<Path> modulePath = new ArrayList<>(List.of(patching.mainOutput()));
        List<Path> classPath = new ArrayList<>();
        List<String> readers = new ArrayList<>(List.of(main.get().name()));
        for (Path entry : classpath) {
            if (entry.equals(patching.mainOutput())) {
                continue;
            }
            if (required.contains(entry)) {
                modulePath.add(entry);
                module(entry).filter(descriptor -> !descriptor.isAutomatic())
                        .ifPresent(descriptor -> readers.add(descriptor.name()));
            } else {
                classPath.add(entry);
            }
        }
        return Optional.of(new ModularClasspath(main.get().name(), modulePath, classPath, patching.testOutput(),
                packagesIn(patching.testOutput()), readers));
    }

    ModularClasspath {
        modulePath = List.copyOf(modulePath);
        classPath = List.copyOf(classPath);
        packages = List.copyOf(packages);
        readers = List.copyOf(readers);
    }

    /** The argument-file lines that set up the module path; the class path follows them as usual. */
    List<String> options() {
        List<String> lines = new ArrayList<>();
        lines.add("--module-path");
        lines.add(ArgumentFile.quote(String.join(File.pathSeparator, modulePath.stream().map(Path::toString).toList())));
        lines.add("--patch-module");
        lines.add(ArgumentFile.quote(moduleName + "=" + patch));
        for (String reader : readers) {
            lines.add("--add-reads");
            lines.add(reader + "=ALL-UNNAMED");
        }
        for (String pkg : packages) {
            lines.add("--add-opens");
            lines.add(moduleName + "/" + pkg + "=ALL-UNNAMED");
        }
        lines.add("--add-modules");
        lines.add("ALL-MODULE-PATH");
        return lines;
    }

    private static boolean isModuleDescriptorIn(Path directory) {
        return Files.isRegularFile(directory.resolve("module-info.class"));
    }

    /** The module a directory or jar with a module descriptor declares; plain jars (automatic modules) are not. */
    private static Optional<ModuleDescriptor> explicitModule(Path location) {
        return module(location).filter(descriptor -> !descriptor.isAutomatic());
    }

    /** The module at a class path entry: declared, or automatic for a jar; none for a plain directory or a bad jar. */
    private static Optional<ModuleDescriptor> module(Path location) {
        if (Files.isDirectory(location) && !isModuleDescriptorIn(location)) {
            return Optional.empty(); // ModuleFinder would take it for a directory of modules
        }
        if (!Files.exists(location)) {
            return Optional.empty();
        }
        try {
            return ModuleFinder.of(location).findAll().stream().findFirst().map(ModuleReference::descriptor);
        } catch (FindException | SecurityException e) {
            return Optional.empty(); // no valid automatic name, say: it stays on the class path
        }
    }

    private static boolean isPackageName(String name) {
        return Stream.of(name.split("\\.", -1)).allMatch(part -> !part.isEmpty()
                && Character.isJavaIdentifierStart(part.charAt(0))
                && part.chars().skip(1).allMatch(Character::isJavaIdentifierPart));
    }

    /** The packages that hold classes in a classes directory; classes in the unnamed package cannot be patched in. */
    private static List<String> packagesIn(Path directory) {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(file -> directory.relativize(file).getParent())
                    .filter(parent -> parent != null)
                    .map(parent -> parent.toString().replace(File.separatorChar, '.'))
                    .filter(ModularClasspath::isPackageName) // not META-INF's, say
                    .forEach(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test classes in " + directory, e);
        }
        return List.copyOf(packages);
    }
}
