package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestClass;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.MessageCodec;
import dev.isolane.core.protocol.ProtocolException;
import java.util.List;

/**
 * Walks a worker's own code paths once, with no coordinator and no user code: the codec, discovery, and running a
 * pass, a failure and a skip through each JUnit engine present. The coordinator starts it with
 * {@code -XX:ArchiveClassesAtExit} on the jars of the worker classpath (Isolane's and JUnit's), and every later
 * worker maps the archive instead of loading, verifying and linking those classes and lambdas again.
 */
public final class WarmUp {

    static final List<String> SUITES = List.of("dev.isolane.core.warmup.WarmUpJupiterSuite",
            "dev.isolane.core.warmup.WarmUpVintageSuite");

    private WarmUp() {}

    public static void main(String[] args) {
        MessageCodec codec = new MessageCodec();
        OutputCapture.install();
        Message.Discovered found = TestDiscovery.discover(SUITES, RunFilters.NONE);
        roundTrip(codec, found);
        ClassRunner runner = new ClassRunner(message -> roundTrip(codec, message), Lane.ISOLATED, null,
                () -> RunFilters.NONE);
        for (TestClass suite : found.classes()) {
            runner.run(suite.className(), List.of());
        }
        roundTrip(codec, new Message.Shutdown());
    }

    private static void roundTrip(MessageCodec codec, Message message) {
        try {
            codec.decode(codec.encode(message));
        } catch (ProtocolException e) {
            throw new IllegalStateException("the codec cannot read its own " + message.getClass().getSimpleName(), e);
        }
    }
}
