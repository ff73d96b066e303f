package dev.isolane.core.coordinator;

import dev.isolane.core.SharedThreads;
import dev.isolane.core.model.SharedLaneSizing;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How many classes the shared JVM runs at once. Fixed, or with {@code threads=auto}: one per core at first, and more
 * while classes wait, every lane is busy, and the shared JVM's measured CPU leaves cores idle (its classes sleep or
 * wait on IO) with the machine not busy either, two intervals in a row. It estimates from each busy lane's CPU how many
 * lanes would fill the cores, and moves towards that, at most doubling per interval, never past the cap. Growth must
 * pay: when the lanes added last, all busy, raised the shared JVM's CPU by less than half of what their share
 * promised, the limit is not the lane count (the collector, memory bandwidth, a lock) and no lane is added again. It
 * never goes down: a lane's class may wait now and compute later, and a class already running cannot be given back.
 * Everything is decided from measured process CPU, never from guesses about the test code.
 */
final class SharedLaneSizer {

    /** How often the CPU is looked at. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Below this many idle cores nothing is added: the cores are full enough. */
    static final double IDLE_CORES_TO_GROW = 0.5;
    /** The machine busier than this (its other processes, isolated JVMs) leaves no room either. */
    static final double MACHINE_LOAD_TO_GROW = 0.9;
    /** Intervals in a row that must show room before lanes are added: one class ending and the next starting dips. */
    static final int INTERVALS_TO_GROW = 2;
    /** The share of the CPU that added lanes promised which they must bring for growth to go on. */
    static final double GAIN_TO_KEEP_GROWING = 0.5;

    /** Where CPU figures come from; a seam for tests. */
    interface CpuMeter {
        /** CPU time the process has used so far, all threads; -1 when it cannot be read. */
        long cpuNanos(long pid);

        /** The whole machine's recent CPU use, 0 to 1; negative when unknown. */
        double machineLoad();
    }

    private final SharedThreads threads;
    private final int cores;
    private final CpuMeter meter;
    private final long originNanos;
    private final List<SharedLaneSizing.Step> steps = new ArrayList<>();
    private int lanes;
    private long sampledAt = -1;
    private long sampledCpu = -1;
    private long sampledPid = -1;
    private int roomyIntervals;
    private int peak;
    private long peakAtMillis;
    /** The last growth, until an interval with every lane busy shows what it brought; null when nothing is pending. */
    private Growth pending;
    private long heldAtMillis = -1;

    /** Lanes were added at a CPU use that promised {@code promisedCpu} more cores with all of them busy. */
    private record Growth(double cpuBefore, double promisedCpu) {}

    SharedLaneSizer(SharedThreads threads, int cores, CpuMeter meter, long originNanos) {
        this.threads = threads;
        this.cores = cores;
        this.meter = meter;
        this.originNanos = originNanos;
        this.lanes = threads.start();
        this.peak = lanes;
        if (threads.isAuto()) {
            meter.machineLoad(); // the machine's load is measured from one call to the next: this is the first
        }
    }

    /** Classes the shared JVM may run at once now. */
    int lanes() {
        return lanes;
    }

    /**
     * Look at the CPU, at most once per {@link #INTERVAL_NANOS}, and add lanes if the rules above allow.
     *
     * @param sharedPid      the shared JVM taking classes, or -1 when none is running
     * @param classesWaiting whether shared classes wait for a lane
     * @param busyLanes      lanes running a class now
     */
    void tick(long now, long sharedPid, boolean classesWaiting, int busyLanes) {
        if (!threads.isAuto() || sharedPid < 0 || (sampledAt >= 0 && now - sampledAt < INTERVAL_NANOS)) {
            return;
        }
        long cpu = meter.cpuNanos(sharedPid);
        double machineLoad = meter.machineLoad();
        boolean comparable = sampledAt >= 0 && sampledPid == sharedPid && cpu >= 0 && sampledCpu >= 0;
        double sharedCpu = comparable ? (double) (cpu - sampledCpu) / (now - sampledAt) : -1;
        sampledAt = now;
        sampledCpu = cpu;
        sampledPid = sharedPid;
        if (comparable && pending != null && busyLanes >= lanes) {
            if (sharedCpu - pending.cpuBefore() < GAIN_TO_KEEP_GROWING * pending.promisedCpu()) {
                heldAtMillis = TimeUnit.NANOSECONDS.toMillis(now - originNanos);
            }
            pending = null;
        }
        boolean room = comparable && heldAtMillis < 0 && lanes < threads.cap() && classesWaiting && busyLanes >= lanes
                && cores - sharedCpu >= IDLE_CORES_TO_GROW && machineLoad <= MACHINE_LOAD_TO_GROW;
        roomyIntervals = room ? roomyIntervals + 1 : 0;
        if (roomyIntervals < INTERVALS_TO_GROW) {
            return;
        }
        roomyIntervals = 0;
        double perLane = Math.max(sharedCpu / Math.max(1, busyLanes), 0.05);
        int filling = (int) Math.floor((cores - IDLE_CORES_TO_GROW / 2) / perLane);
        int next = Math.min(threads.cap(), Math.max(lanes + 1, Math.min(filling, lanes * 2)));
        pending = new Growth(sharedCpu, Math.min(perLane * (next - lanes), cores - sharedCpu));
        lanes = next;
        long atMillis = TimeUnit.NANOSECONDS.toMillis(now - originNanos);
        steps.add(new SharedLaneSizing.Step(atMillis, lanes, round(sharedCpu), round(machineLoad)));
        if (lanes > peak) {
            peak = lanes;
            peakAtMillis = atMillis;
        }
    }

    SharedLaneSizing sizing() {
        return new SharedLaneSizing(threads.isAuto() ? "auto" : "fixed", threads.start(), threads.cap(), peak,
                peakAtMillis, steps, heldAtMillis);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Process CPU from the operating system ({@code /proc} on Linux), machine load from the JVM's own bean. */
    static CpuMeter systemMeter() {
        return new CpuMeter() {
            @Override
            public long cpuNanos(long pid) {
                return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                        .map(Duration::toNanos).orElse(-1L);
            }

            @Override
            public double machineLoad() {
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    return os.getCpuLoad();
                }
                return -1;
            }
        };
    }
}
