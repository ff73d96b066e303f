package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Each class writes the PID of the JVM it ran in to {@code <it.pids>/<class>}. */
final class Pids {
    private Pids() {}

    /** CalculatorTest and BrokenSetupNgTest, in one JVM. */
    private static final CountDownLatch PAIR = new CountDownLatch(2);

    /**
     * Wait up to 2 s for the other class of the pair, so that two TestNG classes would run at once if Isolane let
     * them (TestNG runs keep their state in static fields); they never meet in Surefire's fork or in Isolane.
     */
    static void meetTheOtherOfThePair() throws InterruptedException {
        PAIR.countDown();
        PAIR.await(2, TimeUnit.SECONDS);
    }

    static void record(Class<?> testClass) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.pids")));
            Files.writeString(dir.resolve(testClass.getName()), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
