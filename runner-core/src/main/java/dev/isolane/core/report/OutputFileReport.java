package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.ReportOptions;
import dev.isolane.core.model.ClassResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Surefire's {@code redirectTestOutputToFile}: what a class printed goes to {@code <class>-output.txt} (with
 * {@code reportNameSuffix}, {@code <class>-<suffix>-output.txt}) beside its XML report (standard output, then
 * standard error); a class that printed nothing gets no file.
 */
@API(status = INTERNAL, since = "0.1")
public final class OutputFileReport {

    private OutputFileReport() {}

    public static void write(Path reportsDirectory, ClassResult result, ReportOptions options) throws IOException {
        if (result.stdout().isEmpty() && result.stderr().isEmpty()) {
            return;
        }
        Files.writeString(reportsDirectory.resolve(options.outputFileName(result.className())),
                result.stdout() + result.stderr(), StandardCharsets.UTF_8);
    }
}
