package dev.isolane.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceTheConditionHoldsAndPollsNoMore() {
        AtomicInteger polls = new AtomicInteger();
        Await.until(Duration.ofMinutes(1), "the third poll", () -> polls.incrementAndGet() == 3);
        assertThat(polls).hasValue(3);
    }

    @Test
    void returnsTheFirstValueAccepted() {
        AtomicInteger polls = new AtomicInteger();
        String value = Await.until(Duration.ofMinutes(1), "a long enough string",
                () -> "x".repeat(polls.incrementAndGet()), s -> s.length() >= 4);
        assertThat(value).isEqualTo("xxxx");
    }

    @Test
    void failsAfterTheDeadlineSayingWhatWasAwaitedForHowLongAndWhatWasLastSeen() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Await.until(Duration.ofMillis(300), "a count of ten", () -> 7, n -> n == 10))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Gave up after 300 ms waiting for a count of ten; last seen: 7");
        // Only the lower bound: however loaded the machine, it never gives up early.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> Await.until(Duration.ofSeconds(1), "nothing", () -> false))
                .hasMessage("Gave up after 1 s waiting for nothing");
    }

    @Test
    void anExceptionFromTheConditionEndsTheWaitAtOnce() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Await.until(Duration.ofMinutes(1), "a file", () -> {
            polls.incrementAndGet();
            throw new AssertionError("the writer has ended");
        })).hasMessage("the writer has ended");
        assertThat(polls).hasValue(1);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.until(Duration.ofMinutes(1), "never", () -> false))
                    .hasMessage("Interrupted while waiting for never");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
