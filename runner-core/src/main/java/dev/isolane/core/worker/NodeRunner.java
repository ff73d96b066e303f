package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.FailureInfo;
import dev.isolane.core.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

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
            // The launcher the JVM made while it waited for this request; only the engines the nodes belong to
            // discover them (the others would each be asked, and find nothing).
            LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                    .selectors(request.uniqueIds().stream().map(DiscoverySelectors::selectUniqueId).toList())
                    .configurationParameters(request.configuration())
                    .configurationParameter(ClassRunner.LANE_PARAMETER, lane.label());
            List<String> engines = engines(request);
            if (!engines.isEmpty()) {
                builder.filters(EngineFilter.includeEngines(engines));
            }
            ClassRunner.launcher().execute(builder.build(), new NodeStreamer(out));
        } catch (Throwable platformFailure) {
            // Discovery issues, a broken engine: the launching side fails the class with this.
            failure = Failures.describe(platformFailure);
        } finally {
            context.close();
            out.accept(new Message.NodesDone(failure));
        }
    }

    private static List<String> engines(Message.RunNodes request) {
        return request.uniqueIds().stream().map(id -> UniqueId.parse(id).getEngineId().orElse(""))
                .filter(engine -> !engine.isEmpty()).distinct().toList();
    }
}
