package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.repository.rollout.RolloutScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rollouts on one node (H2): hawkBit's JSON, the lifecycle driven by device feedback over DDI, approval, stop, and
 * clear 4xx answers to bad requests. The scheduler's period is an hour, so every step forward here comes from the
 * run a closing feedback (or a start, a resume) triggers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.scheduler.rollout.period=1h", "hawkbit.scheduler.rollout.batch-size=10"})
@ActiveProfiles("test")
class RolloutApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    @Autowired
    ClusterLock lock;

    /**
     * A group larger than the batch (25 targets, batches of 10) starts over several transactions, most targets
     * written set-based: every target gets exactly one action of the rollout, each with exactly one first status
     * naming the rollout, and its device is offered it; a target with an open action of another set (the entity
     * path) gets its old action canceled as before.
     */
    @Test
    void groupStart_createsOneActionPerTarget_eachWithItsFirstStatus() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("bulk");
        long other = fixture.completeSet("bulk-old");
        RolloutDevices devices = new RolloutDevices();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = String.format("bulk-%02d", i);
            devices.create(fixture, id);
            ids.add(id);
        }
        long old = fixture.assign("bulk-07", other, "forced");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"bulk\",\"targetFilterQuery\":\"controllerId==bulk-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":1}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("select count(*) from action where rollout_id = ?", Long.class, id) == 25);

        assertThat(jdbc.queryForList(
                        "select t.controller_id from action a join target t on t.id = a.target_id "
                                + "where a.rollout_id = ? and a.active = true and a.status = 'RUNNING' "
                                + "group by t.controller_id having count(*) = 1",
                        String.class,
                        id))
                .as("one running action per target")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.queryForList(
                        "select m.detail from action a join action_status s on s.action_id = a.id "
                                + "join action_status_message m on m.action_status_id = s.id "
                                + "where a.rollout_id = ? and s.status = 'RUNNING' and m.position = 0",
                        String.class,
                        id))
                .as("each action's first status, with its message")
                .hasSize(25)
                .containsOnly("Assignment initiated by rollout 'bulk', group 'group-1'");
        assertThat(jdbc.queryForObject(
                        "select count(*) from action_status s join action a on a.id = s.action_id where a.rollout_id = ?",
                        Long.class,
                        id))
                .as("no second status")
                .isEqualTo(25);
        assertThat(jdbc.queryForList(
                        "select distinct update_status from target where controller_id like 'bulk-%'", String.class))
                .containsExactly("PENDING");
        assertThat(jdbc.queryForObject(
                        "select count(*) from target where controller_id like 'bulk-%' and assigned_distribution_set = ?",
                        Long.class, set))
                .isEqualTo(25);
        assertThat(jdbc.queryForObject("select status from action where id = ?", String.class, old))
                .as("the open action of another set is replaced")
                .isEqualTo("CANCELING");
        // bulk-07 is offered the cancellation of its old action first, as in hawkBit.
        for (String device : List.of("bulk-00", "bulk-12", "bulk-24")) {
            assertThat(devices.offeredAction(api, device))
                    .as(device)
                    .isEqualTo(jdbc.queryForObject(
                            "select a.id from action a join target t on t.id = a.target_id "
                                    + "where a.rollout_id = ? and t.controller_id = ?",
                            Long.class,
                            id,
                            device));
        }
    }

    @Test
    void threeGroups_progressThroughFeedback_pauseOnErrors_resume_finish() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("life");
        RolloutDevices devices = new RolloutDevices();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = String.format("life-%02d", i);
            devices.create(fixture, id);
            ids.add(id);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"life\",\"description\":\"three groups\","
                        + "\"targetFilterQuery\":\"controllerId==life-*\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":3,"
                        + "\"type\":\"forced\",\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"100\"},"
                        + "\"successAction\":{\"action\":\"NEXTGROUP\",\"expression\":\"\"},"
                        + "\"errorCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"20\"},"
                        + "\"errorAction\":{\"action\":\"PAUSE\",\"expression\":\"\"}}");
        JsonAssert.statusCode(created, 201);
        JsonNode rollout = created.json();
        long id = rollout.get("id").asLong();
        assertThat(rollout.get("status").asString()).isEqualTo("ready");
        assertThat(rollout.get("totalTargets").asLong()).isEqualTo(30);
        assertThat(rollout.get("totalGroups").asInt()).isEqualTo(3);
        assertThat(rollout.get("totalTargetsPerStatus").get("notstarted").asLong())
                .isEqualTo(30);
        assertThat(rollout.get("type").asString()).isEqualTo("forced");
        assertThat(rollout.get("distributionSetId").asLong()).isEqualTo(set);
        assertThat(rollout.get("createdBy").asString()).isEqualTo("admin");
        assertThat(rollout.get("_links").get("start").get("href").asString())
                .endsWith("/rest/v1/rollouts/" + id + "/start");

        List<JsonNode> groups = groups(api, id);
        assertThat(groups).extracting(g -> g.get("name").asString()).containsExactly("group-1", "group-2", "group-3");
        assertThat(groups).allSatisfy(g -> {
            assertThat(g.get("totalTargets").asLong()).isEqualTo(10);
            assertThat(g.get("status").asString()).isEqualTo("ready");
            assertThat(g.get("errorCondition").get("expression").asString()).isEqualTo("20");
            assertThat(g.get("successAction").get("action").asString()).isEqualTo("NEXTGROUP");
        });
        ApiClient.Response members = api.mgmt(
                "GET",
                "/rest/v1/rollouts/" + id + "/deploygroups/"
                        + groups.get(0).get("id").asLong() + "/targets?limit=100&sort=controllerId:ASC");
        JsonAssert.statusCode(members, 200);
        assertThat(members.json().get("total").asLong()).isEqualTo(10);
        assertThat(members.json().get("content").get(0).get("controllerId").asString())
                .isEqualTo("life-00");
        assertThat(devices.offeredAction(api, "life-00"))
                .as("nothing before the start")
                .isNull();

        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        awaitStatuses(api, id, "running", "running", "scheduled", "scheduled");
        assertThat(devices.offeredAction(api, "life-10"))
                .as("second group waits")
                .isNull();
        for (String device : ids.subList(0, 10)) {
            devices.finish(api, device, "success");
        }
        awaitStatuses(api, id, "running", "finished", "running", "scheduled");

        // Group 2: 3 of 10 fail, above the 20 % error threshold: the rollout pauses, group 3 does not start.
        for (String device : ids.subList(10, 13)) {
            devices.finish(api, device, "failure");
        }
        awaitStatuses(api, id, "paused", "finished", "error", "scheduled");
        for (String device : ids.subList(13, 20)) {
            devices.finish(api, device, "success");
        }
        assertThat(devices.offeredAction(api, "life-20"))
                .as("paused: third group not started")
                .isNull();
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/pause"), 400);

        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/resume"), 204);
        awaitStatuses(api, id, "running", "finished", "error", "running");
        for (String device : ids.subList(20, 30)) {
            devices.finish(api, device, "success");
        }
        awaitStatuses(api, id, "finished", "finished", "error", "finished");
        JsonNode done = api.mgmt("GET", "/rest/v1/rollouts/" + id).json();
        assertThat(done.get("totalTargetsPerStatus").get("finished").asLong()).isEqualTo(27);
        assertThat(done.get("totalTargetsPerStatus").get("error").asLong()).isEqualTo(3);
        assertThat(done.get("totalTargetsPerStatus").get("running").asLong()).isZero();
        JsonNode target = api.mgmt("GET", "/rest/v1/targets/life-29").json();
        assertThat(target.get("updateStatus").asString()).isEqualTo("in_sync");
        JsonNode listed = api.mgmt("GET", "/rest/v1/targets/life-29/actions")
                .json()
                .get("content")
                .get(0);
        assertThat(listed.get("rollout").asLong()).isEqualTo(id);
        assertThat(listed.get("rolloutName").asString()).isEqualTo("life");
        JsonNode action = api.mgmt(
                        "GET",
                        "/rest/v1/targets/life-29/actions/" + listed.get("id").asLong())
                .json();
        assertThat(action.get("_links").get("rollout").get("href").asString()).endsWith("/rest/v1/rollouts/" + id);
        ApiClient.Response history = api.mgmt(
                "GET", "/rest/v1/targets/life-29/actions/" + listed.get("id").asLong() + "/status");
        assertThat(history.text()).contains("Assignment initiated by rollout 'life', group 'group-3'");

        // hawkBit's retry: the three failed devices, in a new rollout of one group, which they now complete.
        ApiClient.Response retried = api.mgmt("POST", "/rest/v1/rollouts/" + id + "/retry");
        JsonAssert.statusCode(retried, 201);
        long retry = retried.json().get("id").asLong();
        assertThat(retried.json().get("name").asString()).isEqualTo("life_retry");
        assertThat(retried.json().get("targetFilterQuery").asString()).isEqualTo("failedrollout==" + id);
        assertThat(retried.json().get("totalTargets").asLong()).isEqualTo(3);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + retry + "/start"), 204);
        for (String device : ids.subList(10, 13)) {
            devices.finish(api, device, "success");
        }
        awaitStatuses(api, retry, "finished", "finished");
        assertThat(api.mgmt("GET", "/rest/v1/targets/life-10")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("in_sync");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/retry"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
    }

    @Test
    void explicitGroups_withOwnFilters_andAScheduledStart() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("expl");
        for (int i = 0; i < 6; i++) {
            fixture.target("expl-a-" + i);
            fixture.target("expl-b-" + i);
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"explicit\","
                        + "\"targetFilterQuery\":\"controllerId==expl-*\",\"distributionSetId\":" + set + ","
                        + "\"startAt\":" + (System.currentTimeMillis() - 1000) + ",\"groups\":["
                        + "{\"name\":\"canary\",\"targetFilterQuery\":\"controllerId==expl-a-*\",\"targetPercentage\":50},"
                        + "{\"name\":\"all-a\",\"targetFilterQuery\":\"controllerId==expl-a-*\",\"targetPercentage\":100,"
                        + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"50\"}},"
                        + "{\"name\":\"rest\",\"targetPercentage\":100}]}");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get("id").asLong();
        List<JsonNode> groups = groups(api, id);
        assertThat(groups).extracting(g -> g.get("totalTargets").asLong()).containsExactly(3L, 3L, 6L);
        assertThat(groups.get(1).get("successCondition").get("expression").asString())
                .isEqualTo("50");
        assertThat(groups.get(2).get("successCondition").get("expression").asString())
                .as("hawkBit 1.1's default")
                .isEqualTo("50");

        // Its startAt has passed: the next periodic run starts it (the test runs the scheduler as its period would).
        scheduler.run();
        awaitStatuses(api, id, "running", "running", "scheduled", "scheduled");
    }

    @Test
    void approval_required_whenTheTenantSaysSo() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("appr");
        fixture.target("appr-0");
        fixture.config("rollout.approval.enabled", "true");
        try {
            long approved = rollout(api, "appr-yes", "controllerId==appr-*", set);
            long denied = rollout(api, "appr-no", "controllerId==appr-*", set);
            assertThat(status(api, approved)).isEqualTo("waiting_for_approval");
            ApiClient.Response early = api.mgmt("POST", "/rest/v1/rollouts/" + approved + "/start");
            JsonAssert.error(early, 400, "hawkbit.server.error.rollout.illegalstate");

            JsonAssert.statusCode(
                    api.mgmt("POST", "/rest/v1/rollouts/" + approved + "/approve?remark=looks%20good"), 204);
            JsonNode rollout = api.mgmt("GET", "/rest/v1/rollouts/" + approved).json();
            assertThat(rollout.get("status").asString()).isEqualTo("ready");
            assertThat(rollout.get("approveDecidedBy").asString())
                    .as("1.1's name")
                    .isEqualTo("admin");
            assertThat(rollout.has("approvalDecidedBy")).isFalse();
            assertThat(rollout.get("approvalRemark").asString()).isEqualTo("looks good");

            JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + denied + "/deny"), 204);
            assertThat(status(api, denied)).isEqualTo("approval_denied");
            JsonAssert.error(
                    api.mgmt("POST", "/rest/v1/rollouts/" + denied + "/approve"),
                    400,
                    "hawkbit.server.error.rollout.illegalstate");
        } finally {
            fixture.config("rollout.approval.enabled", "false");
        }
    }

    @Test
    void stop_cancelsOpenActions_andNoGroupStartsAfterwards() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("stop");
        RolloutDevices devices = new RolloutDevices();
        for (int i = 0; i < 4; i++) {
            devices.create(fixture, "stop-" + i);
        }
        long id = rollout(api, "stopped", "controllerId==stop-*", set, 2);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        awaitStatuses(api, id, "running", "running", "scheduled");
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/stop"), 204);
        awaitStatuses(api, id, "stopped", "finished", "finished");
        JsonNode actions = api.mgmt("GET", "/rest/v1/targets/stop-0/actions").json();
        assertThat(actions.get("content").get(0).get("active").asBoolean())
                .as(actions.toString())
                .isTrue();
        assertThat(actions.get("content").get(0).get("status").asString())
                .as(actions.toString())
                .isEqualTo("canceling");
        JsonNode stopped = api.mgmt(
                        "GET",
                        "/rest/v1/targets/stop-0/actions/"
                                + actions.get("content").get(0).get("id").asLong())
                .json();
        assertThat(stopped.get("_links").get("rollout").get("name").asString())
                .as("HAL name: the rollout's")
                .isEqualTo("stopped");
        assertThat(stopped.get("rolloutName").asString()).isEqualTo("stopped");
        assertThat(devices.offeredAction(api, "stop-3"))
                .as("second group never started")
                .isNull();
        JsonNode rollout = api.mgmt("GET", "/rest/v1/rollouts/" + id).json();
        assertThat(rollout.get("totalTargetsPerStatus").get("notstarted").asLong())
                .isEqualTo(2);
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/resume"),
                400,
                "hawkbit.server.error.rollout.illegalstate");

        // Deleting keeps a rollout that created actions out of sight; one that never started is gone for good.
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/rollouts/" + id), 204);
        JsonAssert.error(api.mgmt("GET", "/rest/v1/rollouts/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        long unused = rollout(api, "never-started", "controllerId==stop-*", set);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/rollouts/" + unused), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/rollouts/" + unused), 404, "hawkbit.server.error.repo.entitiyNotFound");
    }

    /**
     * A stop sent while the scheduler creates a large group's actions, ten per transaction: whatever was created
     * before the stop is canceled, nothing is created after it.
     */
    @Test
    void stop_whileAGroupStarts_leavesNoActionRunning() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("race");
        fixture.targets("race-", 300);
        long id = rollout(api, "race", "controllerId==race-*", set);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"), 204);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> actions(id) > 0);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/rollouts/" + id + "/stop"), 204);
        long created = actions(id);
        assertThat(created).as("stopped before the group was complete").isLessThan(300);
        // The run creating the actions holds the rollout lock until it ends: once the lock is free, it has.
        await().atMost(WAIT).until(() -> lock.runExclusively(RolloutScheduler.JOB, "DEFAULT", () -> {}));
        assertThat(actions(id)).as("actions created after the stop").isEqualTo(created);
        assertThat(jdbc.queryForObject(
                        "select count(*) from action where rollout_id = ? and active = true "
                                + "and status not in ('CANCELING', 'CANCELED')",
                        Long.class,
                        id))
                .as("actions left running")
                .isZero();
        assertThat(status(api, id)).isEqualTo("stopped");
    }

    private long actions(long rolloutId) {
        return jdbc.queryForObject("select count(*) from action where rollout_id = ?", Long.class, rolloutId);
    }

    @Test
    void list_oneGroup_andUpdate_areReadBack() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("read");
        for (int i = 0; i < 4; i++) {
            fixture.target("read-" + i);
        }
        long first = rollout(api, "read-a", "controllerId==read-*", set, 2);
        long second = rollout(api, "read-b", "controllerId==read-*", set);

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/rollouts?q=name==read-*&sort=name:DESC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("content").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(page.json().get("content").get(1).get("name").asString()).isEqualTo("read-a");
        assertThat(page.json().get("content").get(1).get("totalTargets").asLong())
                .isEqualTo(4);

        // hawkBit 1.1's RolloutFields and RolloutGroupFields: the set's name and version, audit users
        assertThat(api.mgmt(
                                "GET",
                                "/rest/v1/rollouts?q=distributionset.name==read-set;distributionset.version==1;"
                                        + "createdBy==admin")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        ApiClient.Response byUser =
                api.mgmt("GET", "/rest/v1/rollouts/" + first + "/deploygroups?q=createdBy==admin;name==group-2");
        JsonAssert.statusCode(byUser, 200);
        assertThat(byUser.json().get("total").asLong()).isEqualTo(1);

        JsonNode listedGroup = groups(api, first).get(1);
        long groupId = listedGroup.get("id").asLong();
        ApiClient.Response group = api.mgmt("GET", "/rest/v1/rollouts/" + first + "/deploygroups/" + groupId);
        JsonAssert.statusCode(group, 200);
        assertThat(group.json().get("id").asLong()).isEqualTo(groupId);
        assertThat(group.json().get("name").asString()).isEqualTo("group-2");
        assertThat(group.json().get("status").asString()).isEqualTo("ready");
        assertThat(group.json().get("totalTargets").asLong()).isEqualTo(2);
        assertThat(group.json().get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/rollouts/" + first + "/deploygroups/" + groupId);

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/rollouts/" + first, "{\"name\":\"read-renamed\",\"description\":\"new\"}");
        JsonAssert.statusCode(updated, 200);
        JsonNode reread = api.mgmt("GET", "/rest/v1/rollouts/" + first).json();
        assertThat(reread.get("name").asString()).isEqualTo("read-renamed");
        assertThat(reread.get("description").asString()).isEqualTo("new");
        assertThat(reread.get("status").asString()).isEqualTo("ready");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts?q=name==read-renamed")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void badRequests_getHawkbitErrors_andWriteNothing() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long set = fixture.completeSet("bad");
        fixture.target("bad-0");
        fixture.target("bad-1");
        String base = "\"targetFilterQuery\":\"controllerId==bad-*\",\"distributionSetId\":" + set;
        JsonAssert.error(post(api, "{\"name\":\"x\"," + base + "}"), 400, "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"amountGroups\":0}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"amountGroups\":501}"),
                403,
                "hawkbit.server.error.quota.tooManyEntries");
        JsonAssert.error(
                post(api, "{\"name\":\"x\",\"distributionSetId\":" + set + ",\"amountGroups\":1}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\",\"targetFilterQuery\":\"controllerId=in=(\",\"distributionSetId\":" + set
                                + ",\"amountGroups\":1}"),
                400,
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\",\"targetFilterQuery\":\"color==red\",\"distributionSetId\":" + set
                                + ",\"amountGroups\":1}"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\",\"targetFilterQuery\":\"controllerId==nobody\",\"distributionSetId\":" + set
                                + ",\"amountGroups\":1}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\",\"targetFilterQuery\":\"controllerId==bad-*\",\"distributionSetId\":987654,"
                                + "\"amountGroups\":1}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"amountGroups\":1,\"type\":\"eventually\"}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\"," + base + ",\"amountGroups\":1,"
                                + "\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"150\"}}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(
                        api,
                        "{\"name\":\"x\"," + base + ",\"amountGroups\":1,"
                                + "\"errorAction\":{\"action\":\"EXPLODE\",\"expression\":\"\"}}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"groups\":[{\"name\":\"half\",\"targetPercentage\":50}]}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"groups\":[{\"name\":\"g\",\"targetPercentage\":0}]}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.error(
                post(api, "{\"name\":\"x\"," + base + ",\"amountGroups\":1"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
        assertThat(api.mgmt("GET", "/rest/v1/rollouts?q=name==x")
                        .json()
                        .get("total")
                        .asLong())
                .as("nothing written")
                .isZero();

        long id = rollout(api, "bad-ok", "controllerId==bad-*", set);
        JsonAssert.error(
                post(api, "{\"name\":\"bad-ok\"," + base + ",\"amountGroups\":1}"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/resume"),
                400,
                "hawkbit.server.error.rollout.illegalstate");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/triggerNextGroup"),
                400,
                "hawkbit.server.error.rollout.illegalstate");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/retry"),
                400,
                "hawkbit.server.error.rollout.illegalstate");
        JsonAssert.error(api.mgmt("GET", "/rest/v1/rollouts/424242"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/rollouts/" + id + "/deploygroups/424242"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/rollouts?q=colour==blue"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        ApiClient.Response renamed =
                api.mgmt("PUT", "/rest/v1/rollouts/" + id, "{\"name\":\"bad-renamed\",\"description\":\"d\"}");
        JsonAssert.statusCode(renamed, 200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("bad-renamed");

        // The rollout's set deleted before the start: only marked deleted (the rollout refers to it), no start.
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsets/" + set), 204);
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start"),
                400,
                "hawkbit.server.error.rollout.illegalstate");
        assertThat(status(api, id)).isEqualTo("ready");
    }

    private static ApiClient.Response post(ApiClient api, String body) {
        return api.mgmt("POST", "/rest/v1/rollouts", body);
    }

    static long rollout(ApiClient api, String name, String query, long set) {
        return rollout(api, name, query, set, 1);
    }

    /** Creates a rollout of {@code groups} equal groups with hawkBit's default conditions; returns its id. */
    static long rollout(ApiClient api, String name, String query, long set, int groups) {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"" + name + "\",\"targetFilterQuery\":\"" + query + "\",\"distributionSetId\":" + set
                        + ",\"amountGroups\":" + groups + "}");
        JsonAssert.statusCode(created, 201);
        return created.json().get("id").asLong();
    }

    static String status(ApiClient api, long id) {
        return api.mgmt("GET", "/rest/v1/rollouts/" + id).json().get("status").asString();
    }

    static List<JsonNode> groups(ApiClient api, long id) {
        ApiClient.Response page = api.mgmt("GET", "/rest/v1/rollouts/" + id + "/deploygroups?limit=500");
        JsonAssert.statusCode(page, 200);
        List<JsonNode> groups = new ArrayList<>();
        page.json().get("content").forEach(groups::add);
        return groups;
    }

    /** Waits until the rollout and its groups, in order, have these statuses. */
    static void awaitStatuses(ApiClient api, long id, String rollout, String... groups) {
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> actual = new ArrayList<>();
            actual.add(status(api, id));
            groups(api, id).forEach(g -> actual.add(g.get("status").asString()));
            List<String> expected = new ArrayList<>();
            expected.add(rollout);
            expected.addAll(List.of(groups));
            assertThat(actual).isEqualTo(expected);
        });
    }
}
