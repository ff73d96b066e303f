package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunHarness;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void exitsWhenTheChannelCloses() throws Exception {
        Process worker = startWorker(ProcessHandle.current().pid());
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);

        channel.close();

        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("worker exited after the channel closed").isTrue();
        assertThat(worker.exitValue()).isEqualTo(WorkerMain.COORDINATOR_LOST);
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
        assertThat(worker.exitValue()).isEqualTo(WorkerMain.COORDINATOR_LOST);
        channel.close();
    }

    @Test
    void exitsCleanlyOnShutdownAlthoughATestLeftANonDaemonThread() throws Exception {
        Process worker = startWorker(ProcessHandle.current().pid());
        Channel channel = new Channel(server.accept());
        assertThat(channel.receive()).isInstanceOf(Message.Hello.class);
        channel.send(new Message.RunClass("dev.isolane.core.fixtures.LingeringThreadFixture"));
        Message message;
        do {
            message = channel.receive();
        } while (!(message instanceof Message.ClassFinished));

        channel.send(new Message.Shutdown());

        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("worker exited despite the non-daemon thread").isTrue();
        assertThat(worker.exitValue()).isZero();
    }

    private Process startWorker(long coordinatorPid) throws Exception {
        String classpath = RunHarness.testClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, WorkerMain.class.getName(), String.valueOf(server.getLocalPort()), "isolated-1",
                "isolated", "1", String.valueOf(coordinatorPid))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.log").toFile());
        builder.environment().put(WorkerSettings.SECRET_VARIABLE, "s3cret");
        Process process = builder.start();
        started.add(process);
        return process;
    }
}
