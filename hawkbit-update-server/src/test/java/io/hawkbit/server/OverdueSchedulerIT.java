package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.TargetsMarkedOverdueEvent;
import io.hawkbit.repository.lock.JobRun;
import io.hawkbit.repository.target.OverdueScheduler;
import io.hawkbit.repository.target.PollRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The overdue scheduler on one node with H2, against a clock the tests move forward: targets polled more than
 * pollingTime + pollingOverdueTime (10 min by default) ago are marked once each, in batches of two with one event per
 * batch, batch after batch in one run until none is left or max-run-time (1 min here) has passed; a poll clears the
 * mark in its write-behind batch; a longer polling time clears it in the next run. The
 * periodic runs are off: a test runs the scheduler itself, so "the next run" is a call and "nothing more happens" is
 * a run that changes nothing. Each test has targets of its own (a prefix), as the clock and the marks are shared.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.scheduler.overdue.enabled=false",
            "hawkbit.scheduler.overdue.batch-size=2",
            "hawkbit.scheduler.overdue.max-run-time=1m",
            "hawkbit.poll.write-interval=1h"
        })
@ActiveProfiles("test")
class OverdueSchedulerIT {

    private static final Duration OVERDUE_AFTER = Duration.ofMinutes(10);
    private static final AtomicLong SHIFT = new AtomicLong();

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @TestConfiguration
    static class ShiftedTime {

        @Bean
        @Primary
        Clock shiftedClock() {
            return new ShiftedClock();
        }
    }

    /** The system's time plus {@link #SHIFT}: runs on by itself, and jumps when a test advances it. */
    static final class ShiftedClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + SHIFT.get();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    PollRecorder polls;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OverdueScheduler scheduler;

    ApiClient api;
    Fixture fixture;
    final List<TargetsMarkedOverdueEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        context.addApplicationListener((ApplicationListener<TargetsMarkedOverdueEvent>) events::add);
        // Targets of earlier tests that polled are marked now, so no run mixes them into this test's batches.
        advance(OVERDUE_AFTER.plusSeconds(1));
        runUntilNothingChanges();
        assertThat(jdbc.queryForObject(
                        "select count(*) from target where last_target_query is not null"
                                + " and coalesce(overdue_since, 0) = 0",
                        Long.class))
                .isZero();
    }

    @Test
    void run_marksABacklogOfSeveralBatchesInOneRun_onceEach_oldestFirst_oneEventPerBatch() {
        List<String> polled = List.of("batch-0", "batch-1", "batch-2", "batch-3", "batch-4");
        polled.forEach(id -> poll(id, fixture.target(id)));
        fixture.target("batch-never-polled");
        polls.flush();

        advance(OVERDUE_AFTER.minusSeconds(5));
        assertThat(scheduler.run().done()).as("marks changed").isZero();
        assertThat(marked("batch-")).as("not yet overdue").isEmpty();
        advance(Duration.ofSeconds(6));
        // One run, three batches of at most two, oldest first.
        assertThat(scheduler.run().done()).as("marks changed").isEqualTo(5);
        assertThat(marked("batch-")).containsExactlyInAnyOrderElementsOf(polled);

        // One more run finds nothing: no target is marked or announced twice.
        assertThat(scheduler.run().done()).as("marks changed").isZero();
        List<TargetsMarkedOverdueEvent> batches = events("batch-");
        assertThat(batches)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getControllerIds()).hasSizeLessThanOrEqualTo(2));
        assertThat(batches.stream().flatMap(e -> e.getControllerIds().stream()))
                .containsExactlyInAnyOrderElementsOf(polled);
        // Oldest poll first: the first batch holds the two targets that polled first.
        assertThat(events("batch-").get(0).getControllerIds()).containsExactlyInAnyOrder("batch-0", "batch-1");
        assertThat(meters.get("hawkbit.overdue.targets")
                        .tag("tenant", "DEFAULT")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(5);
        assertThat(meters.get("hawkbit.overdue.marked").counter().count()).isGreaterThanOrEqualTo(5);
        // Every batch's transaction is timed (the meter is the context's: earlier runs count too).
        assertThat(meters.get("hawkbit.overdue.batch").timer().count()).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("hawkbit.overdue.batch").timer().max(TimeUnit.NANOSECONDS))
                .isPositive();

        ApiClient.Response overdue = api.mgmt("GET", "/rest/v1/targets?q=controllerId==batch-*;overdue==true&limit=50");
        JsonAssert.statusCode(overdue, 200);
        assertThat(overdue.json().get("total").asLong()).isEqualTo(5);
        ApiClient.Response notOverdue = api.mgmt("GET", "/rest/v1/targets?q=controllerId==batch-*;overdue==false");
        assertThat(notOverdue.json().get("content").get(0).get("controllerId").asString())
                .isEqualTo("batch-never-polled");
        assertThat(api.mgmt("GET", "/rest/v1/targets/batch-0")
                        .json()
                        .at("/pollStatus/overdue")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void run_marksTargetsWithEqualPollTimesAcrossBatchBoundaries() {
        // Each batch's select starts at the poll time the batch before ended at: five equal poll times, batches of
        // two, must all be marked in one run, none twice.
        List<String> tied = List.of("tie-0", "tie-1", "tie-2", "tie-3", "tie-4");
        tied.forEach(id -> poll(id, fixture.target(id)));
        polls.flush();
        jdbc.update("update target set last_target_query = (select min(last_target_query) from target t"
                + " where t.controller_id like 'tie-%') where controller_id like 'tie-%'");
        advance(OVERDUE_AFTER.plusSeconds(1));
        assertThat(scheduler.run().done()).as("marks changed").isEqualTo(5);
        assertThat(marked("tie-")).containsExactlyInAnyOrderElementsOf(tied);
        assertThat(events("tie-").stream().flatMap(e -> e.getControllerIds().stream()))
                .containsExactlyInAnyOrderElementsOf(tied);
        assertThat(scheduler.run().done()).as("marks changed").isZero();
    }

    @Test
    void run_stopsAfterMaxRunTime_theRestFollowsInTheNextRuns() {
        List<String> polled = List.of("late-0", "late-1", "late-2", "late-3", "late-4");
        polled.forEach(id -> poll(id, fixture.target(id)));
        polls.flush();
        advance(OVERDUE_AFTER.plusSeconds(1));
        // Each batch takes "two minutes": its event (published after its commit) moves the clock past max-run-time.
        AtomicBoolean slow = new AtomicBoolean(true);
        context.addApplicationListener((ApplicationListener<TargetsMarkedOverdueEvent>) e -> {
            if (slow.get() && e.getControllerIds().stream().anyMatch(id -> id.startsWith("late-"))) {
                advance(Duration.ofMinutes(2));
            }
        });
        try {
            assertThat(List.of(
                            scheduler.run().done(),
                            scheduler.run().done(),
                            scheduler.run().done(),
                            scheduler.run().done()))
                    .containsExactly(2L, 2L, 1L, 0L);
        } finally {
            slow.set(false);
        }
        assertThat(marked("late-")).containsExactlyInAnyOrderElementsOf(polled);
        assertThat(events("late-")).hasSize(3);
    }

    @Test
    void run_marksTargetsANodeOfThePreviousVersionLeftNull() {
        // Before V1_22 "not marked" was NULL; nodes of that version still write it during a rolling upgrade.
        List<String> polled = List.of("old-0", "old-1", "old-2");
        polled.forEach(id -> poll(id, fixture.target(id)));
        fixture.target("old-never");
        polls.flush();
        jdbc.update("update target set overdue_since = null where controller_id like 'old-%'");
        advance(OVERDUE_AFTER.plusSeconds(1));
        assertThat(scheduler.run().done()).as("marks changed").isEqualTo(3);
        assertThat(marked("old-")).containsExactlyInAnyOrderElementsOf(polled);
        assertThat(jdbc.queryForObject(
                        "select count(*) from target where controller_id = 'old-never' and overdue_since is null",
                        Long.class))
                .as("never polled: not marked")
                .isOne();
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=controllerId==old-*;overdue==true")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(api.mgmt("GET", "/rest/v1/targets?q=controllerId==old-*;overdue==false")
                        .json()
                        .get("total")
                        .asLong())
                .isOne();
    }

    @Test
    void shorterPollingTime_marksTheNewlyOverdueInTheNextRun() {
        poll("fast-a", fixture.target("fast-a"));
        polls.flush();
        advance(Duration.ofMinutes(3));
        assertThat(scheduler.run().done()).as("not overdue with 5 + 5 minutes").isZero();
        try {
            fixture.config("pollingTime", "\"00:01:00\"");
            assertThat(scheduler.run().done())
                    .as("not overdue with 1 + 5 minutes either")
                    .isZero();
            fixture.config("pollingOverdueTime", "\"00:01:00\"");
            assertThat(scheduler.run().done()).as("overdue with 1 + 1 minutes").isOne();
            assertThat(marked("fast-")).containsExactly("fast-a");
        } finally {
            fixture.config("pollingTime", "\"00:05:00\"");
            fixture.config("pollingOverdueTime", "\"00:05:00\"");
            // The cutoff moved back: the next run clears fast-a's mark, then the next test's setUp marks it again.
            runUntilNothingChanges();
        }
        assertThat(marked("fast-")).isEmpty();
    }

    @Test
    void poll_clearsTheMark_inItsWriteBehindBatch_andTheTargetIsMarkedAgainOnceThatPollIsOld() {
        String tokenA = fixture.target("again-a");
        poll("again-a", tokenA);
        poll("again-b", fixture.target("again-b"));
        polls.flush();
        advance(OVERDUE_AFTER.plusSeconds(1));
        assertThat(scheduler.run().done()).as("marks changed").isEqualTo(2);
        assertThat(marked("again-")).containsExactlyInAnyOrder("again-a", "again-b");

        poll("again-a", tokenA);
        assertThat(marked("again-")).as("a poll is recorded in memory first").hasSize(2);
        polls.flush();
        assertThat(marked("again-")).containsExactly("again-b");
        assertThat(api.mgmt("GET", "/rest/v1/targets/again-a")
                        .json()
                        .at("/pollStatus/overdue")
                        .asBoolean())
                .isFalse();
        ApiClient.Response overdue = api.mgmt("GET", "/rest/v1/targets?q=controllerId==again-*;overdue==true");
        assertThat(overdue.json().get("total").asLong()).isEqualTo(1);
        assertThat(overdue.json().get("content").get(0).get("controllerId").asString())
                .isEqualTo("again-b");
        // The next run leaves the target that polled alone: the walk's cursor stays past both marks.
        long passedAt = cursorPollTime();
        assertThat(scheduler.run().done()).as("marks changed").isZero();
        assertThat(marked("again-")).containsExactly("again-b");
        assertThat(events("again-").stream().flatMap(e -> e.getControllerIds().stream()))
                .containsExactlyInAnyOrder("again-a", "again-b");
        assertThat(cursorPollTime()).isGreaterThanOrEqualTo(passedAt);
        // The poll moved again-a ahead of the cursor: it is marked again once that poll is old.
        advance(OVERDUE_AFTER.plusSeconds(1));
        assertThat(scheduler.run().done()).as("marks changed").isOne();
        assertThat(marked("again-")).containsExactlyInAnyOrder("again-a", "again-b");
        assertThat(events("again-a")).hasSize(2);
    }

    @Test
    void longerPollingTime_clearsTheMarkInTheNextRun() {
        poll("slow-a", fixture.target("slow-a"));
        polls.flush();
        advance(OVERDUE_AFTER.plusSeconds(1));
        scheduler.run();
        assertThat(marked("slow-")).containsExactly("slow-a");
        try {
            fixture.config("pollingTime", "\"00:30:00\"");
            // Earlier tests' targets that polled lose their marks too, two per run.
            runUntilNothingChanges();
            assertThat(marked("slow-")).isEmpty();
            assertThat(meters.get("hawkbit.overdue.unmarked").counter().count()).isPositive();
        } finally {
            fixture.config("pollingTime", "\"00:05:00\"");
        }
    }

    private void poll(String controllerId, String token) {
        ApiClient.Response poll = api.send(
                "GET",
                "/DEFAULT/controller/v1/" + controllerId,
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json"));
        assertThat(poll.status()).isEqualTo(200);
    }

    /** Runs the scheduler until a run changes nothing, as its periods would. */
    private void runUntilNothingChanges() {
        JobRun run;
        do {
            run = scheduler.run();
        } while (run.done() > 0);
    }

    private static void advance(Duration duration) {
        SHIFT.addAndGet(duration.toMillis());
    }

    private long cursorPollTime() {
        return jdbc.queryForObject("select poll_time from overdue_cursor where tenant = 'DEFAULT'", Long.class);
    }

    private List<String> marked(String prefix) {
        return jdbc.queryForList(
                "select controller_id from target where controller_id like ? and overdue_since > 0",
                String.class,
                prefix + "%");
    }

    private List<TargetsMarkedOverdueEvent> events(String prefix) {
        return events.stream()
                .filter(e -> e.getControllerIds().stream().anyMatch(id -> id.startsWith(prefix)))
                .toList();
    }
}
