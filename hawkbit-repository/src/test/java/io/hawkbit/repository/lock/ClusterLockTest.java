package io.hawkbit.repository.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.support.locks.DistributedLock;
import org.springframework.integration.util.UUIDConverter;

/**
 * The cluster lock's decisions without a database: the registry and its lock are stubbed, so each outcome (taken,
 * held elsewhere, database hiccup, lease lost) is set up directly and read from the metrics.
 */
class ClusterLockTest {

    private final JdbcLockRegistry registry = mock(JdbcLockRegistry.class);
    private final LockRepository repository = mock(LockRepository.class);
    private final DistributedLock lock = mock(DistributedLock.class);
    private final LockProperties properties = new LockProperties();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger runs = new AtomicInteger();
    private ClusterLock clusterLock;

    @BeforeEach
    void setUp() {
        when(registry.obtain(ClusterLock.key("rollouts", "t1"))).thenReturn(lock);
        clusterLock = new ClusterLock(
                registry, repository, properties, meters, Clock.fixed(Instant.ofEpochMilli(42_000), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        clusterLock.close();
    }

    private double outcome(String outcome) {
        var counter = meters.find("hawkbit.scheduler.lock")
                .tag("job", "rollouts")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean run() {
        return clusterLock.runExclusively("rollouts", "t1", runs::incrementAndGet);
    }

    @Test
    void key_isJobAndTenantAndItsRowKeyTheRegistrysUuid() {
        assertThat(ClusterLock.key("rollouts", "t1")).isEqualTo("rollouts:t1");
        assertThat(ClusterLock.rowKey("rollouts:t1"))
                .isEqualTo(UUIDConverter.getUUID("rollouts:t1").toString())
                .isNotEqualTo(ClusterLock.rowKey("rollouts:t2"));
    }

    @Test
    void runExclusively_freeLockRunsTheWorkAndReleases() {
        when(lock.tryLock()).thenReturn(true);
        assertThat(run()).isTrue();
        assertThat(runs).hasValue(1);
        verify(lock).unlock();
        assertThat(outcome("acquired")).isEqualTo(1);
        assertThat(meters.find("hawkbit.scheduler.run")
                        .tag("job", "rollouts")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void holdings_showTheJobWhileItRuns_andWhenThisNodeLastRanIt() {
        when(lock.tryLock()).thenReturn(true);
        assertThat(clusterLock.held()).isEmpty();
        clusterLock.runExclusively(
                "rollouts", "t1", () -> assertThat(clusterLock.held()).containsExactly("rollouts"));
        assertThat(clusterLock.held()).isEmpty();
        assertThat(clusterLock.lastRuns()).containsExactlyEntriesOf(java.util.Map.of("rollouts", 42_000L));

        when(lock.tryLock()).thenReturn(false);
        ClusterLock other = new ClusterLock(
                registry, repository, properties, meters, Clock.fixed(Instant.ofEpochMilli(1), ZoneOffset.UTC));
        try {
            other.runExclusively("rollouts", "t1", runs::incrementAndGet);
            assertThat(other.lastRuns()).as("skipped: never ran it").isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    void runExclusively_lockHeldElsewhereSkipsWithoutWaiting() {
        when(lock.tryLock()).thenReturn(false);
        assertThat(run()).isFalse();
        assertThat(runs).hasValue(0);
        verify(lock, never()).unlock();
        assertThat(outcome("skipped")).isEqualTo(1);
    }

    @Test
    void callExclusively_returnsTheWorksCount_orEmptyWhenHeldElsewhere() {
        when(lock.tryLock()).thenReturn(true, false);
        assertThat(clusterLock.callExclusively("rollouts", "t1", () -> 7)).hasValue(7);
        verify(lock).unlock();
        assertThat(clusterLock.callExclusively("rollouts", "t1", () -> 7)).isEmpty();
        assertThat(outcome("acquired")).isEqualTo(1);
        assertThat(outcome("skipped")).isEqualTo(1);
    }

    @Test
    void runExclusively_databaseFailureWhileTryingSkipsThePeriod() {
        when(lock.tryLock()).thenThrow(new IllegalStateException("connection refused"));
        assertThat(run()).isFalse();
        assertThat(runs).hasValue(0);
        assertThat(outcome("skipped")).isEqualTo(1);
    }

    @Test
    void runExclusively_workFailurePropagatesAfterTheRelease() {
        when(lock.tryLock()).thenReturn(true);
        assertThatThrownBy(() -> clusterLock.runExclusively("rollouts", "t1", () -> {
                    throw new IllegalArgumentException("boom");
                }))
                .hasMessage("boom");
        verify(lock).unlock();
    }

    @Test
    void runExclusively_lockLostBeforeTheReleaseIsCountedNotThrown() {
        when(lock.tryLock()).thenReturn(true);
        doThrow(new IllegalStateException("lease expired")).when(lock).unlock();
        assertThat(run()).isTrue();
        assertThat(outcome("lost")).isEqualTo(1);
    }

    @Test
    void runExclusively_modeNoneRunsEveryTimeWithoutTheRegistry() {
        properties.setMode(LockProperties.Mode.NONE);
        assertThat(run()).isTrue();
        assertThat(run()).isTrue();
        assertThat(runs).hasValue(2);
        assertThat(outcome("unlocked")).isEqualTo(2);
        verify(registry, never()).obtain(anyString());
        verifyNoInteractions(lock, repository);
    }

    @Test
    void runExclusively_renewsTheLeaseWhileTheWorkRunsAndStopsAfter() {
        properties.setRenewInterval(Duration.ofMillis(10));
        when(lock.tryLock()).thenReturn(true);
        when(repository.renew(ClusterLock.rowKey("rollouts:t1"), properties.getLease()))
                .thenReturn(true);
        clusterLock.runExclusively(
                "rollouts", "t1", () -> await().atMost(Duration.ofSeconds(10)).until(() -> outcome("renewed") >= 2));
        double renewed = outcome("renewed");
        assertThat(renewed).isGreaterThanOrEqualTo(2);
        // No renewal after the release: two more intervals pass without one.
        await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> outcome("renewed") == renewed);
    }

    @Test
    void runExclusively_failedRenewalCountsTheLockAsLost() {
        properties.setRenewInterval(Duration.ofMillis(10));
        when(lock.tryLock()).thenReturn(true);
        when(repository.renew(anyString(), any())).thenReturn(false);
        clusterLock.runExclusively(
                "rollouts", "t1", () -> await().atMost(Duration.ofSeconds(10)).until(() -> outcome("lost") >= 1));
        assertThat(outcome("lost")).isGreaterThanOrEqualTo(1);
    }
}
