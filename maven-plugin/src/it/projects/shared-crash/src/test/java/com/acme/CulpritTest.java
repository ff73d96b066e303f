package com.acme;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Ends the shared JVM, once the other classes are running beside it, in a way the agent cannot stop: System.exit or
 * Runtime.halt through reflection, SIGKILL, or a native crash (system property it.crash).
 */
class CulpritTest {

    @Test
    void bringsDownItsJvm() throws Exception {
        Recorder.record(getClass(), System.currentTimeMillis());
        // However loaded the machine, the others are mid-test beside it when it strikes.
        Path started = Path.of(System.getProperty("it.started"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (String other : new String[] {"Bystander01Test", "Bystander02Test", "Bystander03Test"}) {
            while (!Files.exists(started.resolve(other)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        String crash = System.getProperty("it.crash");
        System.out.println("CulpritTest is about to " + crash);
        switch (crash) {
            case "exit" -> System.class.getMethod("exit", int.class).invoke(null, 21);
            case "halt" -> Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 22);
            case "kill" -> {
                new ProcessBuilder("kill", "-9", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(60_000);
            }
            case "native" -> {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field field = unsafeClass.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                unsafeClass.getMethod("putAddress", long.class, long.class).invoke(field.get(null), 0L, 42L);
            }
            default -> throw new IllegalArgumentException("it.crash=" + crash);
        }
    }
}
