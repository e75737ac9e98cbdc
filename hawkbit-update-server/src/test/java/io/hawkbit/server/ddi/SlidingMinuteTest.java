package io.hawkbit.server.ddi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The last minute's count on a test-controlled ticker: what enters, and the exact second it leaves the window. */
class SlidingMinuteTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SlidingMinute minute = new SlidingMinute(nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private void record(int times) {
        for (int i = 0; i < times; i++) {
            minute.record();
        }
    }

    @Test
    void lastMinute_isZeroBeforeAnything_evenOnATickerStartingAtZero() {
        assertThat(minute.lastMinute()).isZero();
    }

    @Test
    void lastMinute_countsEveryOccurrenceOfTheLast60Seconds() {
        record(3);
        advance(Duration.ofMillis(999));
        record(2);
        advance(Duration.ofSeconds(30));
        record(4);
        assertThat(minute.lastMinute()).isEqualTo(9);
    }

    @Test
    void occurrence_leavesTheWindow60SecondsAfterItsSecondBegan() {
        advance(Duration.ofMillis(500));
        record(5);
        advance(Duration.ofSeconds(10));
        record(1);

        // The 5 were recorded in second 0: seconds 0..59 are the window until second 60 begins.
        nanos.set(Duration.ofSeconds(60).toNanos() - 1);
        assertThat(minute.lastMinute()).isEqualTo(6);
        nanos.set(Duration.ofSeconds(60).toNanos());
        assertThat(minute.lastMinute()).isEqualTo(1);
        nanos.set(Duration.ofSeconds(71).toNanos());
        assertThat(minute.lastMinute()).isZero();
    }

    @Test
    void slotReusedAMinuteLater_startsFromOne() {
        record(7);
        advance(Duration.ofSeconds(60));
        record(1);
        assertThat(minute.lastMinute()).isEqualTo(1);
        advance(Duration.ofSeconds(120));
        record(2);
        assertThat(minute.lastMinute()).isEqualTo(2);
    }

    @Test
    void steadyRate_isItsPerMinuteFigure() {
        // 3 per second for five minutes: always 180 once the first minute is full.
        for (int second = 0; second < 300; second++) {
            record(3);
            if (second >= 59) {
                assertThat(minute.lastMinute()).as("second %d", second).isEqualTo(180);
            }
            advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void ticker_farFromZero_andNegative_work() {
        SlidingMinute late = new SlidingMinute(() -> Long.MAX_VALUE - 1);
        late.record();
        assertThat(late.lastMinute()).isEqualTo(1);
        AtomicLong negative = new AtomicLong(-TimeUnit.HOURS.toNanos(3));
        SlidingMinute early = new SlidingMinute(negative::get);
        early.record();
        negative.addAndGet(TimeUnit.SECONDS.toNanos(59));
        early.record();
        assertThat(early.lastMinute()).isEqualTo(2);
        negative.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(early.lastMinute()).isEqualTo(1);
    }

    @Test
    void concurrentRecords_areNotLost() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> record(10_000));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(minute.lastMinute()).isEqualTo(40_000);
    }
}
