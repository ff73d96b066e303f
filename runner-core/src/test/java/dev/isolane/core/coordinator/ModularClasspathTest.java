package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.ModulePatching;
import dev.isolane.core.RunConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

class ModularClasspathTest {

    @TempDir
    Path dir;

    @Test
    void theMainModuleAndWhatItRequiresGoOnTheModulePathTheRestStaysOnTheClassPath() throws IOException {
        Path classes = directory("classes", moduleInfo("com.acme.app", "com.acme.lib", "static com.acme.opt"),
                "com/acme/app/App.class");
        Path testClasses = directory("test-classes", null, "com/acme/app/AppTest.class",
                "com/acme/app/sub/HelperTest.class", "RootTest.class", "META-INF/versions/9/x/Y.class");
        Path junit = jar("junit-jupiter-api-5.14.4.jar", null, "org/junit/jupiter/api/Test.class");
        Path lib = jar("lib.jar", moduleInfo("com.acme.lib", "com.acme.deep"), "com/acme/lib/Lib.class");
        Path deep = jar("com.acme.deep-1.0.jar", null, "com/acme/deep/Deep.class");
        Path opt = jar("opt.jar", moduleInfo("com.acme.opt"), "com/acme/opt/Opt.class");
        Path other = jar("other.jar", moduleInfo("com.acme.other"), "com/acme/other/Other.class");
        Path unnamable = jar("1-bad.jar", null, "bad/Bad.class");

        ModularClasspath modular = ModularClasspath.of(new ModulePatching(classes, testClasses),
                List.of(testClasses, classes, junit, lib, deep, opt, other, unnamable)).orElseThrow();

        assertThat(modular.moduleName()).isEqualTo("com.acme.app");
        assertThat(modular.modulePath()).containsExactly(classes, lib, deep, opt);
        assertThat(modular.classPath()).containsExactly(testClasses, junit, other, unnamable);
        assertThat(modular.packages()).containsExactly("com.acme.app", "com.acme.app.sub");
        assertThat(modular.readers()).as("explicit modules only").containsExactly("com.acme.app", "com.acme.lib",
                "com.acme.opt");
        assertThat(modular.options()).containsExactly(
                "--module-path", "\"" + classes + ":" + lib + ":" + deep + ":" + opt + "\"",
                "--patch-module", "\"com.acme.app=" + testClasses + "\"",
                "--add-reads", "com.acme.app=ALL-UNNAMED",
                "--add-reads", "com.acme.lib=ALL-UNNAMED",
                "--add-reads", "com.acme.opt=ALL-UNNAMED",
                "--add-opens", "com.acme.app/com.acme.app=ALL-UNNAMED",
                "--add-opens", "com.acme.app/com.acme.app.sub=ALL-UNNAMED",
                "--add-modules", "ALL-MODULE-PATH");
    }

    @Test
    void theArgumentFileCarriesTheModulePathBeforeTheClassPath() throws IOException {
        Path classes = directory("classes", moduleInfo("com.acme.app"), "com/acme/app/App.class");
        Path testClasses = directory("test-classes", null, "com/acme/app/AppTest.class");
        RunConfig config = RunConfig.builder().testClasspath(List.of(testClasses, classes))
                .isolaneClasspath(List.of(Path.of("/i/core.jar"))).workingDirectory(dir)
                .modulePatching(new ModulePatching(classes, testClasses)).build();

        assertThat(WorkerLauncher.argFileContent(config, 1)).isEqualTo("-ea\n"
                + "--module-path\n\"" + classes + "\"\n"
                + "--patch-module\n\"com.acme.app=" + testClasses + "\"\n"
                + "--add-reads\ncom.acme.app=ALL-UNNAMED\n"
                + "--add-opens\ncom.acme.app/com.acme.app=ALL-UNNAMED\n"
                + "--add-modules\nALL-MODULE-PATH\n"
                + "-cp\n\"/i/core.jar:" + testClasses + "\"\n");
    }

    @Test
    void aProjectWithoutAMainModuleOrWithATestModuleRunsOnTheClassPath() throws IOException {
        Path plain = directory("plain", null, "com/acme/App.class");
        Path testClasses = directory("test-classes", null, "com/acme/AppTest.class");
        assertThat(ModularClasspath.of(new ModulePatching(plain, testClasses), List.of(testClasses, plain)))
                .isEmpty();

        Path classes = directory("classes", moduleInfo("com.acme.app"), "com/acme/app/App.class");
        Path testModule = directory("test-module", moduleInfo("com.acme.app.test"), "com/acme/app/t/AppTest.class");
        assertThat(ModularClasspath.of(new ModulePatching(classes, testModule), List.of(testModule, classes)))
                .isEmpty();
        assertThat(WorkerLauncher.modular(RunConfig.builder().workingDirectory(dir).build())).isEmpty();
    }

    /** A module descriptor as javac writes it; "static x" requires x statically. */
    private static byte[] moduleInfo(String name, String... requires) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V11, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor module = writer.visitModule(name, 0, null);
        module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        for (String required : requires) {
            boolean isStatic = required.startsWith("static ");
            module.visitRequire(isStatic ? required.substring(7) : required,
                    isStatic ? Opcodes.ACC_STATIC_PHASE : 0, null);
        }
        module.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private Path directory(String name, byte[] moduleInfo, String... classFiles) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        if (moduleInfo != null) {
            Files.write(root.resolve("module-info.class"), moduleInfo);
        }
        for (String classFile : classFiles) {
            Files.createDirectories(root.resolve(classFile).getParent());
            Files.write(root.resolve(classFile), new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        return root;
    }

    private Path jar(String name, byte[] moduleInfo, String... classFiles) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            if (moduleInfo != null) {
                zip.putNextEntry(new ZipEntry("module-info.class"));
                zip.write(moduleInfo);
                zip.closeEntry();
            }
            for (String classFile : classFiles) {
                zip.putNextEntry(new ZipEntry(classFile));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
