package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.TestStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one worker thread is doing, in a memory-mapped file that outlives the JVM: a halt, a SIGKILL or a native crash
 * loses the worker's memory, but the kernel still holds what was written to a shared mapping. Results travel to the
 * coordinator in batches; this file is the evidence of what a batch not yet sent would have said. It holds the class
 * the thread runs, the last bytes that class printed, the tests discovery planned for it, and the tests that started
 * or finished since the last batch was sent. Each worker thread maps one file once and reuses it class after class.
 *
 * <p>Every write puts its bytes first and the count that covers them last, so a reader, even one reading while the
 * worker lives, never takes a half-written record for a whole one.
 */
@API(status = INTERNAL, since = "0.1")
public final class TraceSlot {

    /** How many bytes of a class's output the file keeps, the last ones. */
    public static final int TAIL_CAPACITY = 8 * 1024;
    static final int NAME_CAPACITY = 1024;
    static final int PLANNED_CAPACITY = 64 * 1024;
    static final int JOURNAL_CAPACITY = 256 * 1024;
    /** Longer names are cut; a unique id that long is not worth more of the file. */
    private static final int MAX_STRING_BYTES = 2048;

    private static final int MAGIC = 0x1501A7E1;
    private static final int NAME_LENGTH = 4;
    private static final int NAME = 8;
    private static final int TAIL_TOTAL = NAME + NAME_CAPACITY;
    private static final int TAIL = TAIL_TOTAL + Long.BYTES;
    private static final int PLANNED_END = TAIL + TAIL_CAPACITY;
    private static final int PLANNED = PLANNED_END + Integer.BYTES;
    private static final int JOURNAL_END = PLANNED + PLANNED_CAPACITY;
    private static final int JOURNAL = JOURNAL_END + Integer.BYTES;
    static final int SIZE = JOURNAL + JOURNAL_CAPACITY;
    /** A region's end marked with this bit ran out of room: what it lists is incomplete. */
    private static final int FULL = 1 << 30;

    private static final byte PLANNED_TEST = 'P';
    private static final byte STARTED = 'S';
    private static final byte FINISHED = 'F';

    private final MappedByteBuffer buffer;
    private long tailTotal;
    private int plannedEnd;
    private int journalEnd;

    private TraceSlot(MappedByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Create (or truncate) the file and map it; the mapping stays valid after the channel is closed. */
    public static TraceSlot create(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            TraceSlot slot = new TraceSlot(channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE));
            slot.buffer.putInt(NAME_LENGTH, -1);
            slot.buffer.putInt(0, MAGIC);
            return slot;
        }
    }

    /** A test, as the reports name it. */
    public record TestRef(String uniqueId, String displayName, String reportName, String reportClass) {}

    /** A test that finished, with how; its details (message, output) travel only in the batch. */
    public record FinishedTest(TestRef test, TestStatus status) {}

    /** The thread begins a class: everything the file said about the one before is gone. */
    public synchronized void begin(String className) {
        buffer.putInt(NAME_LENGTH, -1);
        tailTotal = 0;
        buffer.putLong(TAIL_TOTAL, 0);
        plannedEnd = 0;
        buffer.putInt(PLANNED_END, 0);
        journalEnd = 0;
        buffer.putInt(JOURNAL_END, 0);
        byte[] name = cut(className, NAME_CAPACITY);
        buffer.put(NAME, name);
        buffer.putInt(NAME_LENGTH, name.length);
    }

    /** The class is over; a reader finds no class here. */
    public synchronized void end() {
        buffer.putInt(NAME_LENGTH, -1);
    }

    public synchronized void output(byte[] bytes, int offset, int length) {
        if (length > TAIL_CAPACITY) {
            offset += length - TAIL_CAPACITY;
            tailTotal += length - TAIL_CAPACITY;
            length = TAIL_CAPACITY;
        }
        int at = (int) (tailTotal % TAIL_CAPACITY);
        int first = Math.min(length, TAIL_CAPACITY - at);
        buffer.put(TAIL + at, bytes, offset, first);
        buffer.put(TAIL, bytes, offset + first, length - first);
        tailTotal += length;
        buffer.putLong(TAIL_TOTAL, tailTotal);
    }

    /** A test discovery found for the class, before any runs (dynamic tests appear only when they start). */
    public synchronized void planned(TestRef test) {
        plannedEnd = append(PLANNED, PLANNED_CAPACITY, PLANNED_END, plannedEnd, PLANNED_TEST, 0, test);
    }

    public synchronized void started(TestRef test) {
        journalEnd = append(JOURNAL, JOURNAL_CAPACITY, JOURNAL_END, journalEnd, STARTED, 0, test);
    }

    public synchronized void finished(TestRef test, TestStatus status) {
        journalEnd = append(JOURNAL, JOURNAL_CAPACITY, JOURNAL_END, journalEnd, FINISHED, status.ordinal() + 1,
                test);
    }

    /** A batch of results has been sent: the journal starts again from the tests still running. */
    public synchronized void batchSent(List<TestRef> stillRunning) {
        journalEnd = 0;
        buffer.putInt(JOURNAL_END, 0);
        for (TestRef test : stillRunning) {
            started(test);
        }
    }

    private int append(int region, int capacity, int endAt, int end, byte kind, int status, TestRef test) {
        if ((end & FULL) != 0) {
            return end;
        }
        byte[][] strings = {cut(test.uniqueId(), MAX_STRING_BYTES), cut(test.displayName(), MAX_STRING_BYTES),
                cut(test.reportName(), MAX_STRING_BYTES), cut(test.reportClass(), MAX_STRING_BYTES)};
        int size = 2;
        for (byte[] string : strings) {
            size += Short.BYTES + string.length;
        }
        if (end + size > capacity) {
            buffer.putInt(endAt, end | FULL);
            return end | FULL;
        }
        int at = region + end;
        buffer.put(at++, kind);
        buffer.put(at++, (byte) status);
        for (byte[] string : strings) {
            buffer.putShort(at, (short) string.length);
            buffer.put(at + Short.BYTES, string);
            at += Short.BYTES + string.length;
        }
        buffer.putInt(endAt, end + size);
        return end + size;
    }

    private static byte[] cut(String text, int max) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        byte[] cut = new byte[max];
        System.arraycopy(bytes, 0, cut, 0, max);
        return cut;
    }

    /**
     * What a slot file says of a class.
     *
     * @param output       the last output of the class, {@code [...]} first when earlier output was dropped
     * @param planned      the tests discovery planned, in order
     * @param running      the tests that started and had not finished
     * @param finished     the tests that finished since the last batch was sent, in order
     * @param incomplete   whether a list ran out of room in the file and misses tests
     */
    public record Evidence(String output, List<TestRef> planned, List<TestRef> running, List<FinishedTest> finished,
            boolean incomplete) {

        public static final Evidence NONE = new Evidence("", List.of(), List.of(), List.of(), false);

        public Evidence {
            planned = List.copyOf(planned);
            running = List.copyOf(running);
            finished = List.copyOf(finished);
        }
    }

    /** The evidence of the slot in {@code directory} that holds this class; {@link Evidence#NONE} when none does. */
    public static Evidence find(Path directory, String className) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Evidence.NONE;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".trace")).toList()) {
                Evidence evidence = read(file, className);
                if (evidence != null) {
                    return evidence;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no evidence is better than a failed report
        }
        return Evidence.NONE;
    }

    /** What the file says of this class, or null when it holds another class, none, or is damaged. */
    static Evidence read(Path file, String className) {
        try {
            ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
            if (content.capacity() != SIZE || content.getInt(0) != MAGIC) {
                return null;
            }
            int nameLength = content.getInt(NAME_LENGTH);
            if (nameLength < 0 || nameLength > NAME_CAPACITY
                    || !new String(content.array(), NAME, nameLength, StandardCharsets.UTF_8).equals(className)) {
                return null;
            }
            int plannedEnd = content.getInt(PLANNED_END);
            int journalEnd = content.getInt(JOURNAL_END);
            List<TestRef> planned = new ArrayList<>();
            Map<String, TestRef> running = new LinkedHashMap<>();
            List<FinishedTest> finished = new ArrayList<>();
            boolean complete = readRegion(content, PLANNED, plannedEnd & ~FULL, PLANNED_CAPACITY,
                    (kind, status, test) -> planned.add(test));
            complete &= readRegion(content, JOURNAL, journalEnd & ~FULL, JOURNAL_CAPACITY, (kind, status, test) -> {
                if (kind == STARTED) {
                    running.put(test.uniqueId(), test);
                } else if (kind == FINISHED && status > 0 && status <= TestStatus.values().length) {
                    running.remove(test.uniqueId());
                    finished.add(new FinishedTest(test, TestStatus.values()[status - 1]));
                }
            });
            boolean full = ((plannedEnd | journalEnd) & FULL) != 0;
            return new Evidence(tail(content), planned, List.copyOf(running.values()), finished, full || !complete);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private interface Entries {
        void accept(byte kind, int status, TestRef test);
    }

    /** @return false when the region was damaged and read only in part */
    private static boolean readRegion(ByteBuffer content, int region, int end, int capacity, Entries entries) {
        int at = region;
        int limit = region + Math.min(end, capacity);
        while (at < limit) {
            if (at + 2 > limit) {
                return false;
            }
            byte kind = content.get(at);
            int status = content.get(at + 1);
            at += 2;
            String[] strings = new String[4];
            for (int i = 0; i < strings.length; i++) {
                if (at + Short.BYTES > limit) {
                    return false;
                }
                int length = Short.toUnsignedInt(content.getShort(at));
                at += Short.BYTES;
                if (at + length > limit) {
                    return false;
                }
                strings[i] = new String(content.array(), at, length, StandardCharsets.UTF_8);
                at += length;
            }
            entries.accept(kind, status, new TestRef(strings[0], strings[1], strings[2], strings[3]));
        }
        return true;
    }

    private static String tail(ByteBuffer content) {
        long written = content.getLong(TAIL_TOTAL);
        if (written <= 0) {
            return "";
        }
        int size = (int) Math.min(written, TAIL_CAPACITY);
        int start = (int) ((written - size) % TAIL_CAPACITY);
        byte[] ordered = new byte[size];
        int first = Math.min(size, TAIL_CAPACITY - start);
        System.arraycopy(content.array(), TAIL + start, ordered, 0, first);
        System.arraycopy(content.array(), TAIL, ordered, first, size - first);
        String text = new String(ordered, StandardCharsets.UTF_8);
        return written > TAIL_CAPACITY ? "[...]" + text : text;
    }
}
