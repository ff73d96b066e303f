package dev.isolane.core.coordinator;

import dev.isolane.core.protocol.Message;

/** What reaches the coordinator's single event loop; every state change of a run happens on that one thread. */
sealed interface Event {

    /** A worker proved itself and its channel is open. */
    record Connected(WorkerHandle worker) implements Event {}

    /** A worker sent a message. */
    record Received(WorkerHandle worker, Message message) implements Event {}

    /** A worker's channel ended, cleanly or not. */
    record ChannelClosed(WorkerHandle worker, String reason) implements Event {}

    /** A worker process exited. */
    record Exited(WorkerHandle worker, int exitCode) implements Event {}
}
