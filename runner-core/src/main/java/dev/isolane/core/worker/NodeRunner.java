package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.FailureInfo;
import dev.isolane.core.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test plan nodes for a JVM that the junit-extension forked, and streams everything back as it happens: each
 * node event, and the output of the class, in the order they occurred. The launching JVM replays them to its IDE.
 */
final class NodeRunner {

    private final Consumer<Message> out;
    private final Lane lane;

    NodeRunner(Consumer<Message> out, Lane lane) {
        this.out = out;
        this.lane = lane;
    }

    void run(Message.RunNodes request) {
        ClassContext context = new ClassContext(request.className(), (err, bytes, offset, length) ->
                out.accept(new Message.Output(err, new String(bytes, offset, length, StandardCharsets.UTF_8))));
        context.enter();
        FailureInfo failure = null;
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(request.uniqueIds().stream().map(DiscoverySelectors::selectUniqueId).toList())
                    .configurationParameters(request.configuration())
                    .configurationParameter(ClassRunner.LANE_PARAMETER, lane.label())
                    .build(), new NodeStreamer(out));
        } catch (Throwable platformFailure) {
            // Discovery issues, a broken engine: the launching side fails the class with this.
            failure = Failures.describe(platformFailure);
        } finally {
            context.close();
            out.accept(new Message.NodesDone(failure));
        }
    }
}
