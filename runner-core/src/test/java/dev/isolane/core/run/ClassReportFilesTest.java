package dev.isolane.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.RunConfig;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.report.SurefireXmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassReportFilesTest {

    @TempDir
    Path dir;

    /** Enough classes for every core to take a share. */
    private static List<ClassResult> classes(int count) {
        List<ClassResult> classes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "com.acme.p" + (i % 7) + ".Many" + i + "Test";
            TestResult test = new TestResult("[engine:junit-jupiter]/[class:" + name + "]/[method:works()]",
                    "works()", "works", name, i % 3 == 0 ? TestStatus.FAILED : TestStatus.PASSED, i, "m" + i, null,
                    null, "out " + i, "");
            classes.add(new ClassResult(name, Lane.SHARED, 42, "isolane-shared-1", 1_000 + i, 2_000 + i,
                    ClassResult.outcomeOf(List.of(test)), List.of(test), "class out " + i, "class err " + i, null,
                    Map.of("java.version", "17", "n", String.valueOf(i))));
        }
        return classes;
    }

    private RunConfig config(Path reports, boolean outputFiles) {
        return RunConfig.builder().testClassesDirectories(List.of(dir)).testClasspath(List.of(dir))
                .workingDirectory(dir).workDirectory(dir.resolve("work")).reportsDirectory(reports)
                .redirectTestOutputToFile(outputFiles).build();
    }

    @Test
    void everyClassGetsTheFilesOneThreadWouldHaveWritten() throws Exception {
        List<ClassResult> classes = classes(300);
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path expected = Files.createDirectories(dir.resolve("expected"));

        ClassReportFiles.write(config(reports, true), classes);

        for (ClassResult result : classes) {
            Path one = SurefireXmlReport.write(expected, result, config(expected, true).reportOptions());
            assertThat(reports.resolve(one.getFileName())).hasSameTextualContentAs(one);
            assertThat(reports.resolve(result.className() + "-output.txt"))
                    .hasContent(result.stdout() + result.stderr());
        }
        try (var files = Files.list(reports)) {
            assertThat(files.count()).isEqualTo(600);
        }
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheCallWithItsIoError() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("reports"), "a file");

        assertThatThrownBy(() -> ClassReportFiles.write(config(notADirectory, false), classes(300)))
                .isInstanceOf(IOException.class);
    }
}
