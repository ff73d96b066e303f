package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.protocol.Message;
import dev.isolane.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real processes, started while classes run, and what becomes of them when the classes end. */
class ChildProcessesTest {

    private final List<Process> started = new ArrayList<>();
    private final List<Message.ProcessesLeft> reported = new CopyOnWriteArrayList<>();
    private final ChildProcesses children = new ChildProcesses(message -> reported.add((Message.ProcessesLeft) message),
            () -> started.stream().map(Process::toHandle), () -> true);

    @AfterEach
    void end() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aProcessAClassLeavesIsEndedWithItAndTheClassNamed() throws Exception {
        children.classStarted("a.ServerTest");
        Process server = sleep();

        children.classFinished("a.ServerTest");

        assertThat(reported).singleElement().satisfies(left -> {
            assertThat(left.suspects()).containsExactly("a.ServerTest");
            assertThat(left.commandLines()).singleElement().asString().contains("sleep").contains("600")
                    .contains("(pid " + server.pid() + ")");
            assertThat(left.ended()).isTrue();
        });
        Await.until(Duration.ofSeconds(10), "the left process to end", () -> !server.isAlive());
    }

    @Test
    void aProcessStartedWhileTwoClassesRanEndsWhenBothHaveAndNamesBoth() throws Exception {
        children.classStarted("a.FirstTest");
        children.classStarted("a.SecondTest");
        Process process = sleep();

        children.classFinished("a.FirstTest");
        assertThat(reported).as("the other suspect still runs").isEmpty();
        assertThat(process.isAlive()).isTrue();

        children.classFinished("a.SecondTest");
        assertThat(reported).singleElement().satisfies(left ->
                assertThat(left.suspects()).containsExactly("a.FirstTest", "a.SecondTest"));
        Await.until(Duration.ofSeconds(10), "the left process to end", () -> !process.isAlive());
    }

    @Test
    void aClassIsNotBlamedForAProcessOlderThanItAndTheWorkerEndsWhatIsLeft() throws Exception {
        Process older = sleep();
        Thread.sleep(200); // the process's start time is kept in clock ticks
        children.classStarted("a.LaterTest");
        children.classFinished("a.LaterTest");
        assertThat(reported).isEmpty();

        children.workerExiting();

        assertThat(reported).singleElement().satisfies(left -> {
            assertThat(left.suspects()).isEmpty();
            assertThat(left.ended()).isTrue();
        });
        Await.until(Duration.ofSeconds(10), "the process to end with the worker", () -> !older.isAlive());
    }

    @Test
    void keptProcessesLiveUntilTheWorkerExits() throws Exception {
        children.keep(true);
        children.classStarted("a.ServerTest");
        Process server = sleep();
        children.classFinished("a.ServerTest");
        assertThat(reported).isEmpty();
        assertThat(server.isAlive()).isTrue();

        children.workerExiting();

        assertThat(reported).singleElement().satisfies(left ->
                assertThat(left.suspects()).containsExactly("a.ServerTest"));
        Await.until(Duration.ofSeconds(10), "the kept process to end with the worker", () -> !server.isAlive());
    }

    @Test
    void aProcessStartTimeCorrectedByTheOffsetIsWhenItStartedToTheClockTick() throws Exception {
        Instant before = Instant.now();
        Process process = sleep();
        Instant after = Instant.now();
        Instant born = process.toHandle().info().startInstant().orElseThrow().minus(ChildProcesses.startOffset());
        assertThat(born).isBetween(before.minusMillis(50), after.plusMillis(50)); // ticks and hundredths: 20 ms
    }

    @Test
    void aProcessReaperShowsThatAProcessMayRun() throws Exception {
        Process process = sleep();
        assertThat(ChildProcesses.reaperRuns()).as("the JDK waits for the process on a reaper thread").isTrue();
        process.destroyForcibly();
    }

    private Process sleep() throws IOException {
        Process process = new ProcessBuilder("sleep", "600").start();
        started.add(process);
        return process;
    }
}
