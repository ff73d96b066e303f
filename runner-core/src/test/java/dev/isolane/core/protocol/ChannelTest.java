package dev.isolane.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames over a real loopback socket. */
class ChannelTest {

    private ServerSocket server;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        accepted = server.accept();
        accepted.setSoTimeout(30_000); // a sender that failed makes receive() fail, not hang
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        accepted.close();
        server.close();
    }

    @Test
    void messagesArriveInOrder() throws Exception {
        Channel sender = new Channel(client);
        Channel receiver = new Channel(accepted);
        sender.send(new Message.RunClass("a.B"));
        sender.send(new Message.Shutdown());
        assertThat(receiver.receive()).isEqualTo(new Message.RunClass("a.B"));
        assertThat(receiver.receive()).isEqualTo(new Message.Shutdown());
    }

    @Test
    void concurrentSendersNeverInterleaveFrames() throws Exception {
        Channel sender = new Channel(client);
        Channel receiver = new Channel(accepted);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        String big = "x".repeat(100_000);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        sender.send(new Message.ClassFinished("t" + thread + "-" + i, i, big, ""));
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
        start.countDown();
        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            received.add(receiver.receive());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received).hasSize(200).allSatisfy(m ->
                assertThat(((Message.ClassFinished) m).stdout()).isEqualTo(big));
    }

    @Test
    void aCleanCloseBetweenFramesIsAnEndOfFile() throws Exception {
        Channel receiver = new Channel(accepted);
        client.close();
        assertThatThrownBy(receiver::receive).isInstanceOf(EOFException.class);
    }

    @Test
    void aStreamThatEndsInsideAFrameIsTruncated() throws Exception {
        DataOutputStream raw = new DataOutputStream(client.getOutputStream());
        raw.writeInt(100);
        raw.write("{\"v\":1,".getBytes());
        raw.flush();
        client.close();
        assertThatThrownBy(new Channel(accepted)::receive)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("stream ended after 7 of 100 bytes");
    }

    @Test
    void aStreamThatEndsInsideTheHeaderIsTruncated() throws Exception {
        OutputStream raw = client.getOutputStream();
        raw.write(new byte[] {0, 0});
        raw.flush();
        client.close();
        assertThatThrownBy(new Channel(accepted)::receive)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("frame header");
    }

    @Test
    void anAbsurdFrameLengthIsRefusedBeforeAllocating() throws Exception {
        OutputStream raw = client.getOutputStream();
        raw.write("Tests run: 1".getBytes()); // what a test printing to the wrong stream would send
        raw.flush();
        assertThatThrownBy(new Channel(accepted)::receive)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("frame length");
    }
}
