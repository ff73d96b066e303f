package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTextTest {

    @Test
    void callerFramesStopWhereTheTestFrameworkCalledIn() {
        String trace = """
                dev.isolane.core.agent.ExitInterceptedError: System.exit(3) was called
                \tat com.acme.Main.run(Main.java:10)
                \tat com.acme.MainTest.exits(MainTest.java:7)
                \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
                \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)
                \tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)
                """;
        assertThat(FaultText.callerFrames(trace)).isEqualTo("""
                dev.isolane.core.agent.ExitInterceptedError: System.exit(3) was called
                \tat com.acme.Main.run(Main.java:10)
                \tat com.acme.MainTest.exits(MainTest.java:7)
                \t...""");
    }

    @Test
    void reflectionInTheUsersOwnCodeIsKept() {
        String trace = "\tat java.lang.System.exit(System.java:1)\n"
                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
                + "\tat com.acme.MainTest.exitsThroughReflection(MainTest.java:9)\n"
                + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
                + "\tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)\n";
        assertThat(FaultText.callerFrames(trace)).contains("MainTest.exitsThroughReflection").endsWith("\t...")
                .doesNotContain("org.junit");
    }

    @Test
    void framesOfAThreadDumpWithLoaderAndModulePrefixesAreCutToo() {
        String trace = "\tat java.base@17.0.15/java.lang.System.exit(System.java:1877)\n"
                + "\tat app//com.acme.IsolatedExitTest.exits(IsolatedExitTest.java:13)\n"
                + "\tat java.base@17.0.15/java.lang.reflect.Method.invoke(Method.java:569)\n"
                + "\tat app//org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)\n"
                + "\tat app//org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)\n";
        assertThat(FaultText.callerFrames(trace)).isEqualTo(
                "\tat java.base@17.0.15/java.lang.System.exit(System.java:1877)\n"
                + "\tat app//com.acme.IsolatedExitTest.exits(IsolatedExitTest.java:13)\n"
                + "\t...");
    }

    @Test
    void aLongOutputIsQuotedFromALineStart() {
        String output = "x".repeat(10_000) + "\nlast but one\nlast\n";
        String quoted = FaultText.last(output);
        assertThat(quoted).startsWith("[...]\n").endsWith("last but one\nlast\n").hasSizeLessThan(4200);
        assertThat(FaultText.last("short")).isEqualTo("short");
    }

    @Test
    void aThreadDumpGivesUpOneThreadAndItsDeadlock() {
        String dump = String.join("\n", List.of(
                "Thread dump of pid 1 at now, 3 threads",
                "",
                "Deadlock: 2 threads wait for each other",
                "  \"a\" waits for java.lang.Object@1, held by \"b\"",
                "  \"b\" waits for java.lang.Object@2, held by \"a\"",
                "",
                "\"isolane-shared-1\" #16 daemon prio=5 TIMED_WAITING [runs com.acme.HangTest]",
                "\tat java.lang.Thread.sleep(Native Method)",
                "\tat com.acme.HangTest.hangs(HangTest.java:9)",
                "",
                "\"isolane-shared-10\" #17 daemon prio=5 RUNNABLE",
                "\tat com.acme.Other.run(Other.java:1)",
                ""));
        assertThat(ThreadDumpText.thread(dump, "isolane-shared-1")).isEqualTo(
                "\"isolane-shared-1\" #16 daemon prio=5 TIMED_WAITING [runs com.acme.HangTest]\n"
                        + "\tat java.lang.Thread.sleep(Native Method)\n\tat com.acme.HangTest.hangs(HangTest.java:9)");
        assertThat(ThreadDumpText.thread(dump, "nobody")).isNull();
        assertThat(ThreadDumpText.deadlock(dump)).startsWith("Deadlock: 2 threads").endsWith("held by \"a\"");
        assertThat(ThreadDumpText.deadlock("no deadlock here")).isNull();
        assertThat(ThreadDumpText.deadlockOf(dump, "com.acme.HangTest", "isolane-shared-1")).isNull();
        assertThat(ThreadDumpText.deadlockOf(dump, "com.acme.LockTest", "a")).startsWith("Deadlock: 2 threads");
        String started = dump.replace("\"isolane-shared-10\" #17", "\"b\" #17")
                .replace("com.acme.Other.run", "com.acme.LockTest$1.run");
        assertThat(ThreadDumpText.deadlockOf(started, "com.acme.LockTest", "isolane-shared-2")).isNotNull();
    }
}
