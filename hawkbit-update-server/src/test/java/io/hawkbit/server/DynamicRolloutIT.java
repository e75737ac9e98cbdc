package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.rollout.RolloutScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.core.ThrowingRunnable;
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
 * hawkBit's dynamic rollouts on one node (H2): targets that match the filter after the start join dynamic groups of
 * the template's size, each once, and get their actions when their group runs. The scheduler's period is an hour: the
 * test runs it where a period would have. The clock stands still unless the test moves it: a look-up that found no
 * new target is repeated only after {@code hawkbit.scheduler.rollout.dynamic-lookup} (30 s) on the clock.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.scheduler.rollout.period=1h", "hawkbit.scheduler.rollout.batch-size=10"})
@ActiveProfiles("test")
class DynamicRolloutIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2031-06-01T08:00:00Z"));
    private static final long LOOKUP = 30_000;

    @TestConfiguration
    static class StoppedTime {

        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RolloutScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void targetsCreatedAfterTheStart_joinDynamicGroupsOfTheTemplateSize_eachOnce() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("dyn");
        RolloutDevices devices = new RolloutDevices();
        devices.create(fixture, "dyn-a-0");
        devices.create(fixture, "dyn-a-1");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"dynamic\",\"targetFilterQuery\":\"controllerId==dyn-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":1,\"dynamic\":true,"
                        + "\"dynamicGroupTemplate\":{\"nameSuffix\":\"-dyn\",\"targetCount\":3}}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("dynamic").asBoolean()).isTrue();
        assertThat(created.json().get("totalTargets").asLong()).isEqualTo(2);
        List<JsonNode> groups = RolloutApiIT.groups(api, id);
        assertThat(groups).extracting(g -> g.get("name").asString()).containsExactly("group-1", "group-2-dyn");
        assertThat(groups).extracting(g -> g.get("dynamic").asBoolean()).containsExactly(false, true);
        assertThat(groups.get(1).get("targetPercentage").asDouble())
                .as("a dynamic group's target count, as hawkBit shows it")
                .isEqualTo(3.0);
        assertThat(groups.get(1).get("totalTargets").asLong()).isZero();
        assertThat(groups.get(1).get("status").asString()).isEqualTo("ready");

        // Created before the start but after the rollout: not in a static group, joins the first dynamic one.
        devices.create(fixture, "dyn-b-0");
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        RolloutApiIT.awaitStatuses(api, id, "running", "running", "scheduled");
        for (int i = 1; i < 7; i++) {
            devices.create(fixture, "dyn-b-" + i);
        }
        runUntil(() -> assertThat(RolloutApiIT.groups(api, id))
                .extracting(g -> g.get("name").asString() + ":"
                        + g.get("totalTargets").asLong() + ":" + g.get("status").asString())
                .containsExactly(
                        "group-1:2:running",
                        "group-2-dyn:3:scheduled",
                        "group-3-dyn:3:scheduled",
                        "group-4-dyn:1:scheduled"));
        assertThat(devices.offeredAction(api, "dyn-b-0"))
                .as("a scheduled group's targets wait")
                .isNull();

        devices.finish(api, "dyn-a-0", "success");
        devices.finish(api, "dyn-a-1", "success");
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "running", "scheduled", "scheduled");
        for (int i = 0; i < 3; i++) {
            devices.finish(api, "dyn-b-" + i, "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "finished", "running", "scheduled");
        for (int i = 3; i < 6; i++) {
            devices.finish(api, "dyn-b-" + i, "success");
        }
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "finished", "finished", "running");
        devices.finish(api, "dyn-b-6", "success");
        later(LOOKUP);
        runOnce();
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "finished", "finished", "running");
        assertThat(RolloutApiIT.status(api, id))
                .as("a dynamic rollout waits for more targets")
                .isEqualTo("running");

        // The last look-up found none: within dynamic-lookup this node does not look again.
        devices.create(fixture, "dyn-b-7");
        devices.create(fixture, "dyn-b-8");
        devices.create(fixture, "other-0");
        later(LOOKUP - 1);
        runOnce();
        assertThat(devices.offeredAction(api, "dyn-b-7")).isNull();
        // Then the running, not yet full group takes the new targets at once, and the next group is added.
        later(1);
        runUntil(() -> {
            assertThat(devices.offeredAction(api, "dyn-b-7")).isNotNull();
            assertThat(devices.offeredAction(api, "dyn-b-8")).isNotNull();
        });
        assertThat(devices.offeredAction(api, "other-0"))
                .as("not matching the filter")
                .isNull();
        RolloutApiIT.awaitStatuses(api, id, "running", "finished", "finished", "finished", "running", "scheduled");
        scheduler.run();
        scheduler.run();

        assertThat(jdbc.queryForList(
                        "select count(*) from action where rollout_id = ? union all "
                                + "select count(distinct target_id) from action where rollout_id = ?",
                        Long.class,
                        id,
                        id))
                .as("actions, targets with an action")
                .containsExactly(11L, 11L);
        assertThat(jdbc.queryForObject(
                        "select count(*) - count(distinct rtg.target_id) from rollout_target_group rtg "
                                + "join rollout_group g on g.id = rtg.rollout_group_id where g.rollout_id = ?",
                        Long.class,
                        id))
                .as("targets in more than one group")
                .isZero();
        JsonNode rollout = api.mgmt("GET", "/rest/v1/rollouts/" + id).json();
        assertThat(rollout.get("totalTargets").asLong()).isEqualTo(11);
        assertThat(rollout.get("totalGroups").asInt()).isEqualTo(5);

        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/stop"), 204);
        devices.create(fixture, "dyn-b-9");
        scheduler.run();
        assertThat(devices.offeredAction(api, "dyn-b-9"))
                .as("a stopped rollout takes no one")
                .isNull();
    }

    @Test
    void badDynamicRequests_are400() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("dynbad");
        fixture.target("dynbad-0");
        String base =
                "\"name\":\"dynbad\",\"targetFilterQuery\":\"controllerId==dynbad-*\",\"distributionSetId\":" + set;
        JsonAssert.error(
                post(api, "{" + base + ",\"dynamic\":true,\"groups\":[{\"name\":\"g\",\"targetPercentage\":100}]}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        ApiClient.Response templateAlone =
                post(api, "{" + base + ",\"amountGroups\":1,\"dynamicGroupTemplate\":{\"targetCount\":2}}");
        JsonAssert.error(templateAlone, 400, "hawkbit.server.error.rest.param.invalid");
        assertThat(templateAlone.text()).contains("dynamic");
        ApiClient.Response zero = post(
                api, "{" + base + ",\"amountGroups\":1,\"dynamic\":true,\"dynamicGroupTemplate\":{\"targetCount\":0}}");
        JsonAssert.error(zero, 400, "hawkbit.server.error.rest.param.invalid");
        assertThat(zero.text()).contains("dynamicGroupTemplate.targetCount");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts?q=name==dynbad")
                        .json()
                        .get("total")
                        .asInt())
                .as("nothing created")
                .isZero();

        // Without a template the dynamic groups are as large as the last static group, hawkBit's fallback.
        ApiClient.Response plain = post(api, "{" + base + ",\"amountGroups\":1,\"dynamic\":true}");
        JsonAssert.statusCode(plain, 201);
        List<JsonNode> groups = RolloutApiIT.groups(api, plain.json().get("id").asLong());
        assertThat(groups).extracting(g -> g.get("name").asString()).containsExactly("group-1", "group-2");
        assertThat(groups.get(1).get("targetPercentage").asDouble()).isEqualTo(1.0);
    }

    /** Runs the scheduler (as its period would) until the assertion holds; a run may skip while a triggered one works. */
    private void runUntil(ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            later(LOOKUP);
            scheduler.run();
            assertion.run();
        });
    }

    /** One run that did take the lock (a triggered run may hold it for a moment). */
    private void runOnce() {
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.run().ran() > 0);
    }

    private static void later(long millis) {
        CLOCK.set(CLOCK.millis() + millis);
    }

    private static ApiClient.Response post(ApiClient api, String body) {
        return api.mgmt("POST", "/rest/v1/rollouts", body);
    }
}
