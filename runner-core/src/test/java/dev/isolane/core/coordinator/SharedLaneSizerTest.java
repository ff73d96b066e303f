package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.SharedThreads;
import dev.isolane.core.model.SharedLaneSizing;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** threads=auto on a clock and a CPU the test sets: two cores, a cap of eight. */
class SharedLaneSizerTest {

    private static final long PID = 42;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long cpu;
    private double machine = 0.3;
    private final SharedLaneSizer.CpuMeter meter = new SharedLaneSizer.CpuMeter() {
        @Override
        public long cpuNanos(long pid) {
            return pid == PID ? cpu : -1;
        }

        @Override
        public double machineLoad() {
            return machine;
        }
    };
    private final SharedLaneSizer sizer = new SharedLaneSizer(SharedThreads.auto(2), 2, meter, 0);
    private long now;

    @Test
    void classesThatWaitGetMoreLanesUpToTheCap() {
        sample(0.1, true, 2); // the first look only sets the baseline
        sample(0.2, true, 2); // one interval with room is not enough: a class ending and the next starting dips
        assertThat(sizer.lanes()).isEqualTo(2);

        sample(0.2, true, 2); // 0.1 core per lane: twenty lanes would fill two cores; at most double at a time
        assertThat(sizer.lanes()).isEqualTo(4);
        sample(0.4, true, 4);
        sample(0.4, true, 4);
        assertThat(sizer.lanes()).isEqualTo(8);
        sample(0.8, true, 8);
        sample(0.8, true, 8);
        assertThat(sizer.lanes()).as("the cap").isEqualTo(8);

        SharedLaneSizing sizing = sizer.sizing();
        assertThat(sizing.mode()).isEqualTo("auto");
        assertThat(sizing.steps()).extracting(SharedLaneSizing.Step::threads).containsExactly(4, 8);
        assertThat(sizing.peak()).isEqualTo(8);
        assertThat(sizing.peakAtMillis()).isEqualTo(2500);
        assertThat(sizing.steps().get(0).sharedCpu()).isEqualTo(0.2);
    }

    @Test
    void aFullCpuABusyMachineFreeLanesOrNoQueueAddNothing() {
        sample(1.9, true, 2);
        sample(1.9, true, 2);
        sample(1.9, true, 2);
        assertThat(sizer.lanes()).as("the shared JVM uses the cores").isEqualTo(2);

        machine = 0.95;
        sample(0.2, true, 2);
        sample(0.2, true, 2);
        assertThat(sizer.lanes()).as("other processes use the cores").isEqualTo(2);

        machine = 0.3;
        sample(0.2, false, 2);
        sample(0.2, false, 2);
        assertThat(sizer.lanes()).as("nothing waits").isEqualTo(2);
        sample(0.2, true, 1);
        sample(0.2, true, 1);
        assertThat(sizer.lanes()).as("a lane is free").isEqualTo(2);
        sample(0.2, true, 2);
        sample(1.9, true, 2);
        sample(0.2, true, 2);
        assertThat(sizer.lanes()).as("room in two intervals, but not in a row").isEqualTo(2);
        assertThat(sizer.sizing().steps()).isEmpty();
    }

    @Test
    void lanesGrowByMeasureNotByRule() {
        sample(1.0, true, 2);
        sample(1.0, true, 2);
        sample(1.0, true, 2); // half a core per lane: four lanes would nearly fill two cores... minus headroom: 3
        assertThat(sizer.lanes()).isEqualTo(3);
    }

    @Test
    void lanesThatBringNoCpuStopTheGrowth() {
        sample(0.9, true, 2);
        sample(0.9, true, 2);
        sample(0.9, true, 2); // 0.45 core per lane: a third lane promises 0.45 core more
        assertThat(sizer.lanes()).isEqualTo(3);
        sample(0.95, true, 3); // it brought 0.05: the limit is not the lanes
        sample(0.95, true, 3);
        sample(0.95, true, 3);
        assertThat(sizer.lanes()).as("held").isEqualTo(3);
        assertThat(sizer.sizing().heldAtMillis()).isEqualTo(2000);
        assertThat(sizer.sizing().steps()).hasSize(1);
    }

    @Test
    void lanesThatBringCpuKeepTheGrowthGoingAndAnUnfilledLaneJudgesNothing() {
        sample(0.6, true, 2);
        sample(0.6, true, 2);
        sample(0.6, true, 2);
        assertThat(sizer.lanes()).isEqualTo(4);
        sample(0.6, true, 3); // a new lane still empty: nothing to judge yet
        sample(1.2, true, 4); // 0.6 core more, as promised
        sample(1.2, true, 4);
        assertThat(sizer.lanes()).as("grows again").isEqualTo(5);
        assertThat(sizer.sizing().heldAtMillis()).isEqualTo(-1);
    }

    @Test
    void aFixedCountNeverChangesAndNeverReadsTheCpu() {
        SharedLaneSizer fixed = new SharedLaneSizer(SharedThreads.fixed(3), 2, new SharedLaneSizer.CpuMeter() {
            @Override
            public long cpuNanos(long pid) {
                throw new AssertionError("read the CPU of a fixed count");
            }

            @Override
            public double machineLoad() {
                throw new AssertionError("read the machine load of a fixed count");
            }
        }, 0);
        fixed.tick(SECOND, PID, true, 3);
        fixed.tick(3 * SECOND, PID, true, 3);
        assertThat(fixed.lanes()).isEqualTo(3);
        assertThat(fixed.sizing()).isEqualTo(SharedLaneSizing.fixed(3));
    }

    @Test
    void lookingMoreOftenThanTheIntervalOrAtANewJvmDecidesNothing() {
        sample(0.1, true, 2);
        now += SharedLaneSizer.INTERVAL_NANOS / 10;
        cpu += 1;
        sizer.tick(now, PID, true, 2);
        assertThat(sizer.lanes()).isEqualTo(2);
        now += SECOND;
        sizer.tick(now, PID + 1, true, 2); // a fresh shared JVM: its CPU is not comparable to the last one's
        assertThat(sizer.lanes()).isEqualTo(2);
    }

    /** Half a second passes in which the shared JVM used this many cores. */
    private void sample(double cores, boolean waiting, int busy) {
        now += SharedLaneSizer.INTERVAL_NANOS;
        cpu += (long) (cores * SharedLaneSizer.INTERVAL_NANOS);
        sizer.tick(now, PID, waiting, busy);
    }
}
