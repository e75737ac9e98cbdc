package io.hawkbit.rest.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.rest.dos.FakeTicker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final FakeTicker ticker = new FakeTicker();
    private final LoginAttempts attempts =
            new LoginAttempts(5, Duration.ofMinutes(5), Duration.ofMinutes(10), 1000, ticker);

    @Test
    void failuresBelowMax_lockNothing() {
        fail("user:ann", 4);
        assertThat(attempts.lockedFor("user:ann")).isZero();
    }

    @Test
    void maxFailures_lockForExactlyTheLockout() {
        fail("user:ann", 5);
        assertThat(attempts.lockedFor("user:ann"))
                .isEqualTo(Duration.ofMinutes(10).toNanos());
        ticker.advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(attempts.lockedFor("user:ann")).isEqualTo(1);
        ticker.advance(Duration.ofNanos(1));
        assertThat(attempts.lockedFor("user:ann")).isZero();
        fail("user:ann", 1);
        assertThat(attempts.lockedFor("user:ann"))
                .as("the count starts afresh after a lockout")
                .isZero();
    }

    @Test
    void failuresDuringTheLockout_doNotProlongIt() {
        fail("user:ann", 5);
        ticker.advance(Duration.ofMinutes(9));
        fail("user:ann", 3);
        assertThat(attempts.lockedFor("user:ann"))
                .isEqualTo(Duration.ofMinutes(1).toNanos());
    }

    @Test
    void success_resetsTheCount() {
        fail("user:ann", 4);
        attempts.succeeded("user:ann");
        fail("user:ann", 4);
        assertThat(attempts.lockedFor("user:ann")).isZero();
    }

    @Test
    void failuresOlderThanThePeriod_areForgotten() {
        fail("user:ann", 4);
        ticker.advance(Duration.ofMinutes(5));
        fail("user:ann", 4);
        assertThat(attempts.lockedFor("user:ann")).isZero();
        fail("user:ann", 1);
        assertThat(attempts.lockedFor("user:ann")).isPositive();
    }

    @Test
    void keys_areCountedApart() {
        fail("user:ann", 5);
        assertThat(attempts.lockedFor("user:bob")).isZero();
    }

    @Test
    void concurrentFailures_areAllCounted() throws Exception {
        LoginAttempts many = new LoginAttempts(1000, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000, ticker);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 999; i++) {
            pool.execute(() -> many.failed("address:192.0.2.1"));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(many.lockedFor("address:192.0.2.1")).isZero();
        many.failed("address:192.0.2.1");
        assertThat(many.lockedFor("address:192.0.2.1")).isPositive();
    }

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            attempts.failed(key);
        }
    }
}
