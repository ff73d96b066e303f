package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Each test class writes where and when it ran, and on which Java: "pid thread startMillis endMillis version". */
public final class Recorder {
    private Recorder() {}

    /** Plain01Test and Plain02Test, in the shared JVM: both arrived. */
    private static final CountDownLatch PAIR = new CountDownLatch(2);

    /**
     * Wait for the other class of the pair, so that two classes overlap however slowly the second one starts. After
     * 30 s go on alone: classes run one at a time then, and the IT's overlap check says so.
     */
    public static void meetTheOtherOfThePair() throws InterruptedException {
        PAIR.countDown();
        PAIR.await(30, TimeUnit.SECONDS);
    }

    public static void record(Class<?> testClass, long startMillis) {
        String line = ProcessHandle.current().pid() + " " + Thread.currentThread().getName() + " " + startMillis + " "
                + System.currentTimeMillis() + " " + System.getProperty("java.version") + "\n";
        try {
            Path dir = Path.of(System.getProperty("it.records"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getName() + ".txt"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
