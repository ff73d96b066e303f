package dev.isolane.core.run;

import dev.isolane.core.RunConfig;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.report.OutputFileReport;
import dev.isolane.core.report.SurefireXmlReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each class's own files: {@code TEST-<class>.xml} and, with {@code redirectTestOutputToFile}, its output file. They
 * are written once every lane is done, when the tests no longer need the cores, on one thread per core: a file per
 * class is mostly fixed cost (create, format, close), and on a suite of thousands of short classes the run waited
 * seconds for them on one thread.
 */
final class ClassReportFiles {

    /** Fewer classes than this are not worth a thread. */
    private static final int CLASSES_PER_THREAD = 64;

    private ClassReportFiles() {}

    static void write(RunConfig config, List<ClassResult> classes) throws IOException, InterruptedException {
        if (!config.reportOptions().xml() && !config.redirectTestOutputToFile()) {
            return;
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                classes.size() / CLASSES_PER_THREAD));
        if (threads == 1) {
            writeFrom(config, classes, new AtomicInteger());
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "isolane-reports");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> helpers = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                helpers.add(pool.submit(() -> {
                    try {
                        writeFrom(config, classes, next);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            writeFrom(config, classes, next); // the calling thread takes its share too
            for (Future<?> helper : helpers) {
                try {
                    helper.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw new IllegalStateException("writing the class reports failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Take classes one at a time from the shared cursor until none is left. */
    private static void writeFrom(RunConfig config, List<ClassResult> classes, AtomicInteger next)
            throws IOException {
        for (int i = next.getAndIncrement(); i < classes.size(); i = next.getAndIncrement()) {
            ClassResult result = classes.get(i);
            if (config.reportOptions().xml()) {
                SurefireXmlReport.write(config.reportsDirectory(), result, config.reportOptions());
            }
            if (config.redirectTestOutputToFile()) {
                OutputFileReport.write(config.reportsDirectory(), result, config.reportOptions());
            }
        }
    }
}
