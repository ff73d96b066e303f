package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunHarness;
import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerCommand;
import dev.isolane.core.launch.WorkerEnvironment;
import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real worker JVM against a coordinator played by the test: it must never outlive its coordinator. */
class WorkerLifecycleTest {

    @TempDir
    Path dir;

    private ServerSocket server;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(60_000); // a worker that never connects fails the test instead of hanging it
    }

    @AfterEach
    void cleanUp() throws Exception {
        started.forEach(Process::destroyForcibly);
        server.close();
    }

    @Test
    void theLaunchContractNamesThisMainClass() {
        assertThat(WorkerArguments.MAIN_CLASS).isEqualTo(WorkerMain.class.getName());
    }

    @Test
    void exitsWhenTheChannelCloses() throws Exception {
        Process worker = startWorker(ProcessHandle.current().pid());
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);

        channel.close();

        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("worker exited after the channel closed").isTrue();
        assertThat(worker.exitValue()).isEqualTo(WorkerProcesses.COORDINATOR_LOST);
    }

    @Test
    void exitsWhenTheCoordinatorProcessDiesEvenIfTheChannelStaysOpen() throws Exception {
        Process coordinator = new ProcessBuilder("sleep", "600").start();
        started.add(coordinator);
        Process worker = startWorker(coordinator.pid());
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);

        coordinator.destroyForcibly(); // once the worker is surely up, however slowly it started

        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("worker exited after its coordinator").isTrue();
        assertThat(worker.exitValue()).isEqualTo(WorkerProcesses.COORDINATOR_LOST);
        channel.close();
    }

    @Test
    void runsNoProcessReaperOfItsOwnSoClassesAreSparedListingTheMachinesProcesses() throws Exception {
        Process worker = startWorker(ProcessHandle.current().pid());
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);

        channel.send(new Message.DumpThreads());
        Message message;
        do {
            message = channel.receive();
        } while (!(message instanceof Message.ThreadDump));

        assertThat(((Message.ThreadDump) message).text()).contains("isolane-coordinator-watchdog")
                .doesNotContain("process reaper");
        channel.send(new Message.Shutdown());
        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void exitsCleanlyOnShutdownAlthoughATestLeftANonDaemonThread(Lane lane) throws Exception {
        // Test threads are not daemons, as Surefire's are not: the worker ends by System.exit all the same.
        Process worker = startWorker(ProcessHandle.current().pid(), lane);
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);
        channel.send(new Message.RunClass("dev.isolane.core.fixtures.LingeringThreadFixture"));
        Message message;
        List<TestResult> results = new ArrayList<>();
        do {
            message = channel.receive();
            if (message instanceof Message.TestsFinished finished) {
                results.addAll(finished.results());
            } else if (message instanceof Message.ClassFinished finished) {
                results.addAll(finished.results());
            }
        } while (!(message instanceof Message.ClassFinished));
        assertThat(results).as("the fixture's thread is no daemon").extracting(TestResult::status)
                .containsExactly(TestStatus.PASSED);

        channel.send(new Message.Shutdown());

        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("worker exited despite the non-daemon thread").isTrue();
        assertThat(worker.exitValue()).isZero();
    }

    private Process startWorker(long coordinatorPid) throws Exception {
        return startWorker(coordinatorPid, Lane.ISOLATED);
    }

    private Process startWorker(long coordinatorPid, Lane lane) throws Exception {
        String classpath = RunHarness.testClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        WorkerCommand command = new WorkerCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-cp", classpath),
                new WorkerArguments(server.getLocalPort(), lane.label() + "-1", lane,
                        lane == Lane.SHARED ? 2 : 1, coordinatorPid),
                new WorkerEnvironment("s3cret", null), Map.of(), dir);
        Process process = command.processBuilder()
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.log").toFile())
                .start();
        started.add(process);
        return process;
    }
}
