package dev.isolane.core.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerEnvironment;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Walks a worker's own code paths once, with no user code: the coordinator starts it with
 * {@code -XX:ArchiveClassesAtExit} on the jars of the worker classpath (Isolane's and JUnit's), and every later
 * worker maps the archive instead of loading, verifying and linking those classes and lambdas again.
 *
 * <p>It is the real worker, {@link WorkerMain#serve}, talking over a real loopback connection to a stand-in
 * coordinator on another thread, so that the socket, codec, capture and watchdog classes are archived too, not only
 * JUnit's. The stand-in asks for discovery, runs a pass, a failure and a skip through each JUnit engine present, asks
 * for a thread dump and ends the worker as a coordinator does; the worker's own {@code System.exit} writes the
 * archive.
 */
@API(status = INTERNAL, since = "0.1")
public final class WarmUp {

    static final List<String> SUITES = List.of("dev.isolane.core.warmup.WarmUpJupiterSuite",
            "dev.isolane.core.warmup.WarmUpVintageSuite");

    private WarmUp() {}

    public static void main(String[] args) throws IOException {
        // What a worker does that the stand-in would otherwise skip: it reads its environment, and keeps each
        // thread's trace slot (a memory-mapped file) in a scratch directory.
        System.getenv().get(WorkerEnvironment.SECRET_VARIABLE);
        Path scratch = Files.createTempDirectory("isolane-warm-up-");
        // The worker ends the JVM itself (System.exit), so the scratch directory goes in a shutdown hook.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(scratch), "isolane-warm-up-cleaner"));
        String secret = UUID.randomUUID().toString();
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread coordinator = new Thread(() -> coordinate(server, secret), "isolane-warm-up-coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
        // The watchdog follows the JVM that started the recording, as a worker's follows its coordinator.
        long starter = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        WorkerMain.serve(new WorkerArguments(server.getLocalPort(), "warm-up", Lane.ISOLATED, 1, starter),
                new WorkerEnvironment(secret, scratch));
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static void coordinate(ServerSocket server, String secret) {
        try (server; Channel channel = new Channel(server.accept())) {
            if (!(channel.receive() instanceof Message.Hello hello) || !hello.secret().equals(secret)) {
                throw new IllegalStateException("the warm-up worker did not say hello");
            }
            // As a coordinator configures them, with the system properties a class's XML holds.
            channel.send(new Message.Configure(null, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(),
                    true, false));
            channel.send(new Message.Discover(SUITES));
            List<Message.RunClass> runs = ((Message.Discovered) awaitReply(channel, Message.Discovered.class))
                    .classes().stream().map(found -> new Message.RunClass(found.className())).toList();
            for (Message.RunClass run : runs) {
                channel.send(run);
                awaitReply(channel, Message.ClassFinished.class);
            }
            channel.send(new Message.DumpThreads());
            awaitReply(channel, Message.ThreadDump.class);
            channel.send(new Message.Shutdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the worker then finds its coordinator gone and halts: no archive
        }
    }

    private static Message awaitReply(Channel channel, Class<? extends Message> type) throws IOException {
        while (true) {
            Message message = channel.receive();
            if (type.isInstance(message)) {
                return message;
            }
        }
    }
}
