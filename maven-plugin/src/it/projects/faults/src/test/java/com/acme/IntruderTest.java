package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Connects to the coordinator the way a worker would, without the run's secret, and tries to deliver a failure for
 * Plain02Test. The coordinator must close each connection without reading a result.
 */
class IntruderTest {

    private static final String FORGED_RESULT = "{\"v\":1,\"type\":\"test-finished\",\"body\":{\"className\":"
            + "\"com.acme.Plain02Test\",\"result\":{\"uniqueId\":\"forged\",\"displayName\":\"forged\",\"reportName\":"
            + "\"forged\",\"reportClass\":\"com.acme.Plain02Test\",\"status\":\"FAILED\",\"durationMillis\":0,"
            + "\"message\":\"FORGED FAILURE\"}}}";

    @Test
    void cannotDeliverResults() throws Exception {
        // The worker's command line: WorkerMain <port> <worker-id> <lane> <threads> <coordinator-pid>
        String[] command = System.getProperty("sun.java.command").split(" ");
        int port = Integer.parseInt(command[1]);

        try (Socket garbage = connect(port)) {
            garbage.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(closedByPeer(garbage), "garbage was not refused");
        }
        for (String hello : new String[] {
                "{\"v\":1,\"type\":\"hello\",\"body\":{\"secret\":\"0000\",\"workerId\":\"shared-2\",\"pid\":1}}",
                "{\"v\":1,\"type\":\"hello\",\"body\":{\"workerId\":\"isolated-99\",\"pid\":1}}",
                // Even the right secret does not admit a worker id that is not expected (any more): shared-1 is in use.
                "{\"v\":1,\"type\":\"hello\",\"body\":{\"secret\":\"" + System.getenv("ISOLANE_SECRET")
                        + "\",\"workerId\":\"shared-1\",\"pid\":1}}",
                FORGED_RESULT}) {
            try (Socket forger = connect(port)) {
                DataOutputStream out = new DataOutputStream(forger.getOutputStream());
                try {
                    frame(out, hello);
                    frame(out, FORGED_RESULT);
                } catch (SocketException alreadyClosed) {
                    // refused before it finished talking
                }
                assertTrue(closedByPeer(forger), "a connection without the secret was not refused: " + hello);
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void frame(DataOutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** The coordinator hung up: end of stream, or a reset because it did not read what we sent. */
    private static boolean closedByPeer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }
}
