package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.rollout.RolloutScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Paced rollouts (this server's extension): {@code maxRunning} bounds the rollout's open actions, {@code startRate}
 * the actions started per minute of the injected clock, which the test moves. The scheduler's period is an hour: the
 * test runs it where a period would have.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.scheduler.rollout.period=1h", "hawkbit.scheduler.rollout.batch-size=10"})
@ActiveProfiles("test")
class PacedRolloutIT {

    private static final Instant START = Instant.parse("2031-05-01T08:00:00Z");
    private static final SettableClock CLOCK = new SettableClock(START);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @TestConfiguration
    static class StoppedTime {

        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RolloutScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void maxRunning_neverMoreThanTwoOpenActions_untilAllTenFinished() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("maxrun");
        RolloutDevices devices = new RolloutDevices();
        for (int i = 0; i < 10; i++) {
            devices.create(fixture, "maxrun-" + i);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"maxrun\",\"targetFilterQuery\":\"controllerId==maxrun-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":1,\"pace\":{\"maxRunning\":2}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("pace").get("maxRunning").asInt()).isEqualTo(2);
        assertThat(created.json().get("pace").has("startRate")).isFalse();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);

        for (int done = 0; done < 10; done++) {
            int expected = Math.min(10, done + 2);
            await().atMost(WAIT).untilAsserted(() -> assertThat(actions(id)).isEqualTo(expected));
            scheduler.run();
            assertThat(actions(id)).as("after a run that found nothing closed").isEqualTo(expected);
            assertThat(open(id)).as("open actions").isLessThanOrEqualTo(2);
            devices.finish(api, firstOpen(id), "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "finished", "finished");
        assertThat(actions(id)).isEqualTo(10);
    }

    @Test
    void maxRunning_errorThresholdPausesBeforeTheRestOfTheGroupStarts() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("paceerr");
        RolloutDevices devices = new RolloutDevices();
        for (int i = 0; i < 10; i++) {
            devices.create(fixture, "paceerr-" + i);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"paceerr\",\"targetFilterQuery\":\"controllerId==paceerr-*\",\"distributionSetId\":"
                        + set + ",\"amountGroups\":1,\"pace\":{\"maxRunning\":2},"
                        + "\"errorCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"20\"},"
                        + "\"errorAction\":{\"action\":\"PAUSE\",\"expression\":\"\"}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        for (int failed = 0; failed < 3; failed++) {
            int expected = failed + 2;
            await().atMost(WAIT).untilAsserted(() -> assertThat(actions(id)).isEqualTo(expected));
            devices.finish(api, firstOpen(id), "failure");
        }
        // 3 of 10 failed, above 20 %: paused. The run the third failure triggered fills the slot it freed before it
        // decides, so 5 actions exist; the other 5 targets are never reached.
        RolloutApiIT.awaitStatuses(api, id, "paused", "error");
        scheduler.run();
        assertThat(actions(id)).isEqualTo(5);
        assertThat(open(id)).isLessThanOrEqualTo(2);
    }

    @Test
    void startRate_startsAtMostThreePerMinuteOfTheClock_andPutChangesThePace() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("rate");
        for (int i = 0; i < 12; i++) {
            fixture.target("rate-" + i);
        }
        long now = START.toEpochMilli() + 3_600_000;
        CLOCK.set(now);
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"rate\",\"targetFilterQuery\":\"controllerId==rate-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":2,\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"0\"},"
                        + "\"pace\":{\"startRate\":3}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(actions(id)).isEqualTo(3));
        scheduler.run();
        CLOCK.set(now + 59_999);
        scheduler.run();
        assertThat(actions(id)).as("still within the first minute").isEqualTo(3);
        CLOCK.set(now + 60_000);
        runUntil(() -> assertThat(actions(id)).isEqualTo(6));
        scheduler.run();
        assertThat(actions(id)).isEqualTo(6);

        // PUT re-paces a running rollout: the run after the commit starts the difference.
        ApiClient.Response put =
                api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"pace\":{\"startRate\":5,\"maxRunning\":100}}");
        JsonAssert.statusCode(put, 200);
        assertThat(put.json().get("pace").get("startRate").asInt()).isEqualTo(5);
        assertThat(put.json().get("name").asString()).isEqualTo("rate");
        runUntil(() -> assertThat(actions(id)).isEqualTo(8));
        CLOCK.set(now + 120_000);
        runUntil(() -> assertThat(actions(id)).isEqualTo(12));
        JsonNode rollout = api.mgmt("GET", "/rest/v1/rollouts/" + id).json();
        assertThat(rollout.get("pace").get("maxRunning").asInt()).isEqualTo(100);

        // A PUT without pace keeps it; an empty pace removes it.
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"description\":\"d\"}"), 200);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id).json().has("pace"))
                .isTrue();
        JsonAssert.statusCode(api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"pace\":{}}"), 200);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id).json().has("pace"))
                .isFalse();
    }

    @Test
    void badPace_is400NamingTheField_andNothingIsCreated() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("badpace");
        fixture.target("badpace-0");
        for (String pace : List.of("{\"maxRunning\":0}", "{\"startRate\":-1}", "{\"maxRunning\":1,\"startRate\":0}")) {
            ApiClient.Response refused = api.mgmt(
                    "POST",
                    "/rest/v1/rollouts",
                    "{\"name\":\"badpace\",\"targetFilterQuery\":\"controllerId==badpace-*\",\"distributionSetId\":"
                            + set + ",\"amountGroups\":1,\"pace\":" + pace + "}");
            JsonAssert.error(refused, 400, "hawkbit.server.error.rest.param.invalid");
            assertThat(refused.text()).contains(pace.contains("\"startRate\":") ? "pace.startRate" : "pace.maxRunning");
        }
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/rollouts",
                        "{\"name\":\"badpace\",\"targetFilterQuery\":\"controllerId==badpace-*\",\"distributionSetId\":"
                                + set + ",\"amountGroups\":1,\"pace\":{\"maxRunning\":\"many\"}}"),
                400);
        assertThat(api.mgmt("GET", "/rest/v1/rollouts?q=name==badpace")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        long id = RolloutApiIT.rollout(api, "badpace", "controllerId==badpace-*", set);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"name\":\"renamed\",\"pace\":{\"startRate\":0}}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts/" + id).json().get("name").asString())
                .as("nothing half-written")
                .isEqualTo("badpace");
    }

    private void runUntil(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(WAIT).untilAsserted(() -> {
            scheduler.run();
            assertion.run();
        });
    }

    /** The device of the rollout's oldest open action. */
    private String firstOpen(long rolloutId) {
        return jdbc.queryForObject(
                "select t.controller_id from action a join target t on t.id = a.target_id "
                        + "where a.rollout_id = ? and a.active = true order by a.id limit 1",
                String.class,
                rolloutId);
    }

    private long actions(long rolloutId) {
        return jdbc.queryForObject("select count(*) from action where rollout_id = ?", Long.class, rolloutId);
    }

    private long open(long rolloutId) {
        return jdbc.queryForObject(
                "select count(*) from action where rollout_id = ? and active = true", Long.class, rolloutId);
    }
}
