package dev.isolane.core.worker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which pool thread runs which class right now, so a thread dump or a dying JVM can name the class of a thread. */
final class RunnerThreads {

    private static final Map<Thread, String> RUNNING = new ConcurrentHashMap<>();

    private RunnerThreads() {}

    static void started(String className) {
        RUNNING.put(Thread.currentThread(), className);
    }

    static void finished() {
        RUNNING.remove(Thread.currentThread());
    }

    /** The class the thread runs, or null. */
    static String classOf(Thread thread) {
        return RUNNING.get(thread);
    }

    /** Thread id to class name, for every pool thread running a class. */
    static Map<Long, String> byThreadId() {
        Map<Long, String> byId = new ConcurrentHashMap<>();
        RUNNING.forEach((thread, className) -> byId.put(thread.getId(), className));
        return byId;
    }
}
