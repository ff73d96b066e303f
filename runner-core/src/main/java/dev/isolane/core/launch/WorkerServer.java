package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * The coordinator's end of every channel: a loopback socket that admits only workers presenting this run's secret
 * and an id the coordinator is expecting. Anything else is dropped unread beyond its first frame. The junit-extension
 * uses it too, for the JVMs it forks in plain JUnit launches.
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerServer implements Closeable {

    private final ServerSocket serverSocket;
    private final String secret = newSecret();
    private final Map<String, BiConsumer<Message.Hello, Channel>> expected = new ConcurrentHashMap<>();

    public WorkerServer() throws IOException {
        serverSocket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "isolane-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String secret() {
        return secret;
    }

    /** Admit one connection from the worker with this id, and hand it over once it has proven itself. */
    public void expect(String workerId, BiConsumer<Message.Hello, Channel> onConnected) {
        expected.put(workerId, onConnected);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Thread handshake = new Thread(() -> admit(socket), "isolane-handshake");
                handshake.setDaemon(true);
                handshake.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void admit(Socket socket) {
        try {
            socket.setSoTimeout((int) LaunchTimeouts.HELLO.toMillis());
            Channel channel = new Channel(socket);
            Message first = channel.receive();
            if (first instanceof Message.Hello hello && sameSecret(hello.secret())) {
                BiConsumer<Message.Hello, Channel> handler = expected.remove(hello.workerId());
                if (handler != null) {
                    socket.setSoTimeout(0);
                    handler.accept(hello, channel);
                    return;
                }
            }
            channel.close();
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
        }
    }

    private boolean sameSecret(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a rejected connection
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // the run is over either way
        }
    }
}
