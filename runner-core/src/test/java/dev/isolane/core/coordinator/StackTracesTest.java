package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackTracesTest {

    private static final String TRACE = """
            org.opentest4j.AssertionFailedError: boom
            \tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:38)
            \tat com.acme.FooTest.helper(FooTest.java:20)
            \tat app//com.acme.FooTest$Inner.bar(FooTest.java:12)
            \tat com.acme.FooTestSupport.call(FooTestSupport.java:3)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:568)
            Caused by: java.io.IOException: disk
            \tat com.acme.Disk.read(Disk.java:5)
            \t... 12 more
            """;

    @Test
    void keepsExceptionLinesAndTheTestClassFrames() {
        assertThat(StackTraces.trim(TRACE, "com.acme.FooTest$Inner")).isEqualTo("""
                org.opentest4j.AssertionFailedError: boom
                \tat com.acme.FooTest.helper(FooTest.java:20)
                \tat app//com.acme.FooTest$Inner.bar(FooTest.java:12)
                Caused by: java.io.IOException: disk
                """);
    }

    @Test
    void aTraceWithoutTestClassFramesStaysWhole() {
        assertThat(StackTraces.trim(TRACE, "com.other.BarTest")).isEqualTo(TRACE);
    }
}
