package dev.isolane.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import dev.isolane.testing.Await;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only a worker that presents the run's secret and an expected id gets a channel; everything else is hung up on. */
class WorkerServerTest {

    private WorkerServer server;
    private final List<String> admitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new WorkerServer();
        server.expect("shared-1", (hello, channel) -> admitted.add(hello.workerId()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void garbageIsHungUpOn() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(closedByPeer(socket)).isTrue();
        }
        assertThat(admitted).isEmpty();
    }

    @Test
    void aHelloWithTheWrongSecretOrNoneIsHungUpOnAndWhatFollowsIsNeverRead() throws Exception {
        for (String secret : new String[] {"0".repeat(64), "", null}) {
            try (Socket socket = connect()) {
                Channel channel = new Channel(socket);
                channel.send(new Message.Hello(secret, "shared-1", 1, "17"));
                try {
                    channel.send(new Message.ClassFinished("com.acme.Forged", 0, "forged", ""));
                } catch (IOException alreadyClosed) {
                    // refused before it finished talking
                }
                assertThat(closedByPeer(socket)).isTrue();
            }
        }
        assertThat(admitted).isEmpty();
    }

    @Test
    void theRightSecretAdmitsOnlyAnExpectedIdAndOnlyOnce() throws Exception {
        try (Socket stranger = connect()) {
            new Channel(stranger).send(new Message.Hello(server.secret(), "isolated-9", 1, "17"));
            assertThat(closedByPeer(stranger)).isTrue();
        }
        try (Socket worker = connect()) {
            new Channel(worker).send(new Message.Hello(server.secret(), "shared-1", 1, "17"));
            awaitAdmitted(1);
            try (Socket impostor = connect()) {
                new Channel(impostor).send(new Message.Hello(server.secret(), "shared-1", 2, "17"));
                assertThat(closedByPeer(impostor)).isTrue();
            }
        }
        assertThat(admitted).containsExactly("shared-1");
    }

    @Test
    void aSilentConnectionDoesNotKeepAWorkerOut() throws Exception {
        try (Socket silent = connect(); Socket worker = connect()) {
            new Channel(worker).send(new Message.Hello(server.secret(), "shared-1", 1, "17"));
            awaitAdmitted(1);
        }
    }

    @Test
    void anOversizedFrameIsRefusedWithoutAllocatingIt() throws Exception {
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(Integer.MAX_VALUE);
            out.flush();
            assertThat(closedByPeer(socket)).isTrue();
        }
        assertThat(admitted).isEmpty();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private void awaitAdmitted(int count) {
        Await.until(Duration.ofSeconds(20), count + " admitted worker(s)", () -> admitted.size() >= count);
        assertThat(admitted).hasSize(count);
    }

    private static boolean closedByPeer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
