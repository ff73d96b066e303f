package dev.isolane.core.coordinator;

import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/** The coordinator's view of one worker JVM: its process, its channel, and the classes it holds. */
final class WorkerHandle {

    private final String id;
    private final Lane lane;
    /** Started with the fast-start JVM options of short-lived isolated workers. */
    private final boolean lean;
    private final Process process;
    private final Path logFile;
    private final Path scratch;
    private final int forkNumber;
    private final Set<String> classesInFlight = new LinkedHashSet<>();
    /** The system properties the JVM last sent: a class that finishes without sending its own had these. */
    private Map<String, String> systemProperties = Map.of();
    /** Classes whose stack is to be shown when the thread dump asked for them comes. */
    private final Set<String> stalledClasses = new LinkedHashSet<>();
    private volatile Channel channel;
    private volatile long reportedPid = -1;
    /** When the JVM was launched (the handle comes with the process) and when it said hello: its start-up. */
    private final long launchedMillis = System.currentTimeMillis();
    private volatile long readyMillis;
    private boolean exited;
    private Integer exitCode;
    private boolean channelClosed;
    private boolean deathHandled;
    private boolean shutdownSent;
    private boolean retired;
    private long dumpRequestedNanos = -1;
    private Message.WorkerExiting lastWord;
    /** Why the worker's own machinery failed (it said so, and the coordinator ended it), or null. */
    private String failure;

    /** @param scratch the worker's own directory, where it keeps the last output of its running classes */
    WorkerHandle(String id, Lane lane, Process process, Path logFile, Path scratch, int forkNumber, boolean lean) {
        this.lean = lean;
        this.forkNumber = forkNumber;
        this.id = id;
        this.lane = lane;
        this.process = process;
        this.logFile = logFile;
        this.scratch = scratch;
    }

    /** What {@code ${surefire.forkNumber}} stood for in this JVM. */
    int forkNumber() {
        return forkNumber;
    }

    /** Start pumping this worker's messages into the event queue, on a thread of its own. */
    void attach(Message.Hello hello, Channel channel, BlockingQueue<Event> events) {
        this.readyMillis = System.currentTimeMillis();
        this.reportedPid = hello.pid();
        this.channel = channel;
        events.add(new Event.Connected(this));
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    events.add(new Event.Received(this, channel.receive()));
                }
            } catch (EOFException e) {
                events.add(new Event.ChannelClosed(this, "closed by the worker"));
            } catch (IOException e) {
                events.add(new Event.ChannelClosed(this, e.getMessage()));
            }
        }, "isolane-reader-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    /** Send, or report the worker lost: a dead channel shows up as a ChannelClosed event, never as an exception. */
    void send(Message message) {
        Channel current = channel;
        if (current == null) {
            return;
        }
        try {
            current.send(message);
        } catch (IOException e) {
            current.close();
        }
    }

    void shutdown() {
        if (!shutdownSent && channel != null) {
            shutdownSent = true;
            send(new Message.Shutdown());
        }
    }

    boolean isShutdownSent() {
        return shutdownSent;
    }

    void kill() {
        WorkerProcesses.kill(process);
    }

    /** The last bytes the JVM itself wrote (JVM errors, crash notes, unattributed output), for crash reports. */
    String logTail(int maxBytes) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - maxBytes);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    String id() {
        return id;
    }

    /** When the JVM was launched, in epoch milliseconds. */
    long launchedMillis() {
        return launchedMillis;
    }

    /** When the JVM connected and said hello, in epoch milliseconds; 0 before then. */
    long readyMillis() {
        return readyMillis;
    }

    Lane lane() {
        return lane;
    }

    boolean isLean() {
        return lean;
    }

    Process process() {
        return process;
    }

    /** The PID the worker reported for itself (the JVM the tests ran in), else the process we started. */
    long pid() {
        return reportedPid > 0 ? reportedPid : process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isConnected() {
        return channel != null && !exited;
    }

    /** Whether it ever proved itself; a worker that did not never ran anything. */
    boolean everConnected() {
        return channel != null;
    }

    boolean hasExited() {
        return exited;
    }

    /**
     * The process is gone. Its channel stays open: what the worker sent just before it died is still to be read,
     * and the end of the channel follows.
     */
    void markExited(int code) {
        exited = true;
        exitCode = code;
    }

    Integer exitCode() {
        return exitCode;
    }

    void markChannelClosed() {
        channelClosed = true;
    }

    boolean isChannelClosed() {
        return channelClosed;
    }

    /** Close the channel even though the worker did not; its reader then reports the end. */
    void closeChannel() {
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    /** True the first time only: a death is handled once, when both the exit and the end of the channel are in. */
    boolean markDeathHandled() {
        boolean first = !deathHandled;
        deathHandled = true;
        return first;
    }

    /** This JVM takes no more classes (a stuck thread or an OutOfMemoryError is in it); it ends once idle. */
    void retire() {
        retired = true;
    }

    boolean isRetired() {
        return retired;
    }

    void dumpRequested(long nanos) {
        dumpRequestedNanos = nanos;
    }

    void dumpAnswered() {
        dumpRequestedNanos = -1;
    }

    boolean isDumpPending() {
        return dumpRequestedNanos >= 0;
    }

    long dumpRequestedNanos() {
        return dumpRequestedNanos;
    }

    void lastWord(Message.WorkerExiting word) {
        lastWord = word;
    }

    /** What the worker said as it was exiting against the coordinator's will, or null. */
    Message.WorkerExiting lastWord() {
        return lastWord;
    }

    void failed(String message) {
        failure = message;
    }

    /** Why the worker's own machinery failed, or null when it did not. */
    String failure() {
        return failure;
    }

    Path scratch() {
        return scratch;
    }

    Set<String> stalledClasses() {
        return stalledClasses;
    }

    Map<String, String> systemProperties() {
        return systemProperties;
    }

    void systemProperties(Map<String, String> properties) {
        systemProperties = properties;
    }

    Set<String> classesInFlight() {
        return classesInFlight;
    }
}
