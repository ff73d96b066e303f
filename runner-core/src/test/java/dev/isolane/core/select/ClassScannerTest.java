package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassScannerTest {

    @TempDir
    Path dir;

    @Test
    void scansJarsLikeDirectories() throws Exception {
        Path jar = dir.resolve("lib-tests.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : List.of("com/acme/", "com/acme/FooTest.class", "com/acme/FooTest$Inner.class",
                    "com/acme/Helper.class", "META-INF/versions/11/com/acme/BarTest.class", "module-info.class",
                    "com/acme/data/FixtureTest.txt")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.closeEntry();
            }
        }
        Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
        Files.createFile(classes.resolve("OwnTest.class"));

        // In the order of the roots, then of their entries (runOrder=filesystem).
        assertThat(ClassScanner.scan(List.of(dir.resolve("classes"), jar), TestSelection.defaults()))
                .containsExactly("com.acme.OwnTest", "com.acme.FooTest");
    }
}
