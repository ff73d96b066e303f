package com.acme;

import org.junit.jupiter.api.Test;

/** Starts processes and returns without stopping them: one with pipes, one sharing the JVM's streams. */
class DLeavesProcessesTest {

    @Test
    void startsOneWithPipes() throws Exception {
        Process process = new ProcessBuilder("sleep", "601").start();
        Records.write("piped.pid", process.pid());
    }

    @Test
    void startsOneWithInheritedStreams() throws Exception {
        Process process = new ProcessBuilder("sleep", "602").inheritIO().start();
        Records.write("inherited.pid", process.pid());
    }
}
