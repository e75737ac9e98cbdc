package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.action.ActionCleanupScheduler;
import io.hawkbit.repository.autoassign.AutoAssignScheduler;
import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.EntityEvent;
import io.hawkbit.repository.event.TargetFilterQueryCreatedEvent;
import io.hawkbit.repository.event.TargetFilterQueryDeletedEvent;
import io.hawkbit.repository.event.TargetFilterQueryUpdatedEvent;
import io.hawkbit.repository.lock.JobRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Management API's target filters on one node with H2 (the INT_LOCK migration and the JDBC lock included):
 * CRUD in hawkBit's JSON, bad RSQL refused with hawkBit's 400, auto-assignment and action cleanup by the schedulers.
 * Their periodic runs are off: a test runs a scheduler itself, so it knows when work happened and that a further run
 * changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.scheduler.auto-assign.enabled=false",
            "hawkbit.scheduler.action-cleanup.enabled=false",
            // Smaller than the test's filters: one run goes on batch after batch until the filter is done.
            "hawkbit.scheduler.auto-assign.batch-size=2"
        })
@ActiveProfiles("test")
class TargetFilterApiIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    AutoAssignScheduler autoAssign;

    @Autowired
    ActionCleanupScheduler cleanup;

    @Test
    void crud_inHawkbitJson_withEvents() {
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ClusterEvent>) events::add);
        ApiClient api = new ApiClient(port);
        ApiClient.Response created = api.mgmt(
                "POST", "/rest/v1/targetfilters", "{\"name\":\"berlin\",\"query\":\"attribute.city==Berlin\"}");
        JsonAssert.statusCode(created, 201);
        JsonNode filter = created.json();
        long id = filter.get("id").asLong();
        assertThat(filter.get("name").asString()).isEqualTo("berlin");
        assertThat(filter.get("query").asString()).isEqualTo("attribute.city==Berlin");
        assertThat(filter.get("createdBy").asString()).isEqualTo("admin");
        assertThat(filter.has("createdAt")).isTrue();
        assertThat(filter.get("autoAssignDistributionSet").isNull()).isTrue();
        assertThat(filter.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/targetfilters/" + id);
        assertThat(filter.get("_links").get("autoAssignDS").get("href").asString())
                .endsWith("/rest/v1/targetfilters/" + id + "/autoAssignDS");

        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"munich\",\"query\":\"name==m*\"}"), 201);
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"berlin\",\"query\":\"name==x\"}"), 409);

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/targetfilters?q=name==ber*&offset=0&limit=10");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("id").asLong()).isEqualTo(id);

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/targetfilters/" + id, "{\"query\":\"attribute.city==Hamburg\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("query").asString()).isEqualTo("attribute.city==Hamburg");
        assertThat(updated.json().get("name").asString()).isEqualTo("berlin");
        assertThat(api.mgmt("GET", "/rest/v1/targetfilters/" + id)
                        .json()
                        .get("query")
                        .asString())
                .isEqualTo("attribute.city==Hamburg");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetfilters/" + id), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + id), 404);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetfilters/" + id), 404);

        for (Class<?> type : List.of(
                TargetFilterQueryCreatedEvent.class,
                TargetFilterQueryUpdatedEvent.class,
                TargetFilterQueryDeletedEvent.class)) {
            assertThat(events)
                    .as(type.getSimpleName())
                    .filteredOn(e -> type.isInstance(e) && ((EntityEvent) e).getEntityId() == id)
                    .hasSize(1);
        }
    }

    @Test
    void badQueriesAndBodies_are400WithHawkbitErrorBody_never5xx() {
        ApiClient api = new ApiClient(port);
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"bad\",\"query\":\"name==\"}"),
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"bad\",\"query\":\"(name==a\"}"),
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"bad\",\"query\":\"nosuchfield==a\"}"),
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"bad\",\"query\":\"updateStatus==sideways\"}"),
                "hawkbit.server.error.rest.param.rsqlParamSyntax");
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"bad\"}"),
                "hawkbit.server.error.rest.param.invalid");
        assertError(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"query\":\"name==a\"}"),
                "hawkbit.server.error.rest.param.invalid");
        assertThat(api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":").status())
                .isEqualTo(400);
        assertError(
                api.mgmt("GET", "/rest/v1/targetfilters?q=name=oops=x"),
                "hawkbit.server.error.rest.param.rsqlParamSyntax");

        long id = api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"good\",\"query\":\"name==a\"}")
                .json()
                .get("id")
                .asLong();
        assertError(
                api.mgmt("PUT", "/rest/v1/targetfilters/" + id, "{\"query\":\"attribute==x\"}"),
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        assertThat(api.mgmt("POST", "/rest/v1/targetfilters/" + id + "/autoAssignDS", "{\"id\":999999}")
                        .status())
                .isEqualTo(404);
        assertThat(api.mgmt("POST", "/rest/v1/targetfilters/" + id + "/autoAssignDS", "{}")
                        .status())
                .isEqualTo(400);
        assertThat(api.mgmt(
                                "POST",
                                "/rest/v1/targetfilters/" + id + "/autoAssignDS",
                                "{\"id\":1,\"type\":\"sometimes\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.mgmt("GET", "/rest/v1/targetfilters/" + id)
                        .json()
                        .get("query")
                        .asString())
                .isEqualTo("name==a");

        String[] garbage = {
            "{",
            "[{\"name\":",
            "\"text\"",
            "42",
            "[1,2]",
            "{\"id\":\"x\"}",
            "null",
            "{\"name\":null}",
            "{\"name\":\"" + "x".repeat(300) + "\",\"query\":\"name==a\"}",
            "{\"id\":-1,\"weight\":5000}",
            "{\"id\":9999999,\"type\":\"sometimes\"}",
            "{\"name\":\"g\",\"query\":\"" + "name==a;".repeat(200) + "\"}"
        };
        for (String[] endpoint : new String[][] {
            {"POST", "/rest/v1/targetfilters"},
            {"PUT", "/rest/v1/targetfilters/" + id},
            {"POST", "/rest/v1/targetfilters/" + id + "/autoAssignDS"}
        }) {
            for (String body : garbage) {
                if (endpoint[0].equals("PUT") && (body.startsWith("{\"id\"") || body.equals("{\"name\":null}"))) {
                    continue; // a PUT changes only what it names: these are valid no-op updates
                }
                ApiClient.Response response = api.mgmt(endpoint[0], endpoint[1], body);
                assertThat(response.status())
                        .as(endpoint[0] + " " + endpoint[1] + " " + body + " -> " + response.text())
                        .isBetween(400, 499);
                assertThat(response.json().has("errorCode")).isTrue();
            }
        }
        assertThat(api.mgmt("GET", "/rest/v1/targetfilters/" + id)
                        .json()
                        .get("query")
                        .asString())
                .isEqualTo("name==a");
    }

    @Test
    void autoAssignDs_assignsMatchingTargetsOnce_andCanBeRemoved() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long module = fixture.module("aa-os", "1", "os");
        long set = fixture.distributionSet("aa-set", "1", "os", module);
        for (int i = 0; i < 5; i++) {
            fixture.target("aa-match-" + i);
        }
        fixture.target("aa-other");
        long id = api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"aa\",\"query\":\"controllerId==aa-match-*\"}")
                .json()
                .get("id")
                .asLong();
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + id + "/autoAssignDS"), 204);

        ApiClient.Response set1 = api.mgmt(
                "POST",
                "/rest/v1/targetfilters/" + id + "/autoAssignDS",
                "{\"id\":" + set + ",\"type\":\"soft\",\"weight\":40}");
        JsonAssert.statusCode(set1, 200);
        assertThat(set1.json().get("autoAssignDistributionSet").asLong()).isEqualTo(set);
        assertThat(set1.json().get("autoAssignActionType").asString()).isEqualTo("soft");
        assertThat(set1.json().get("autoAssignWeight").asInt()).isEqualTo(40);
        ApiClient.Response ds = api.mgmt("GET", "/rest/v1/targetfilters/" + id + "/autoAssignDS");
        JsonAssert.statusCode(ds, 200);
        assertThat(ds.json().get("id").asLong()).isEqualTo(set);
        // hawkBit 1.1's TargetFilterQueryFields: the auto-assigned set's name and version
        ApiClient.Response bySet = api.mgmt(
                "GET",
                "/rest/v1/targetfilters?q=autoassigndistributionset.name==aa-set;"
                        + "autoAssignDistributionSet.version==1;createdBy==admin");
        JsonAssert.statusCode(bySet, 200);
        assertThat(bySet.json().get("total").asLong()).isEqualTo(1);
        assertThat(bySet.json().get("content").get(0).get("id").asLong()).isEqualTo(id);

        assertThat(autoAssign.run().done())
                .as("targets assigned, in three batches of one run")
                .isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            JsonNode actions = api.mgmt("GET", "/rest/v1/targets/aa-match-" + i + "/actions")
                    .json();
            assertThat(actions.get("total").asLong()).isEqualTo(1);
            assertThat(actions.get("content").get(0).get("type").asString()).isEqualTo("update");
        }
        // The next run finds nothing left: still one action each, and the non-matching target untouched.
        assertThat(autoAssign.run().done()).as("targets assigned again").isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(api.mgmt("GET", "/rest/v1/targets/aa-match-" + i + "/actions")
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(1);
        }
        assertThat(api.mgmt("GET", "/rest/v1/targets/aa-other/actions")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetfilters/" + id + "/autoAssignDS"), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + id + "/autoAssignDS"), 204);
        fixture.target("aa-match-late");
        assertThat(autoAssign.run().done())
                .as("targets assigned without an auto-assign set")
                .isZero();
        assertThat(api.mgmt("GET", "/rest/v1/targets/aa-match-late/actions")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void actionCleanup_deletesClosedActionsOfChosenStatus_whenEnabled() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        long module = fixture.module("cl-os", "1", "os");
        long setA = fixture.distributionSet("cl-a", "1", "os", module);
        long setB = fixture.distributionSet("cl-b", "1", "os", module);
        fixture.target("cl-device");
        fixture.config("repository.actions.autoclose.enabled", "true");
        try {
            long canceled = fixture.assign("cl-device", setA, "forced");
            long running = fixture.assign("cl-device", setB, "forced");
            // Cleanup is off for the tenant: a run leaves both actions there.
            assertThat(cleanup.run())
                    .as("tenants cleaned up")
                    .extracting(JobRun::ran, JobRun::done)
                    .containsExactly(0, 0L);
            assertThat(api.mgmt("GET", "/rest/v1/targets/cl-device/actions")
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(2);

            fixture.config("action.cleanup.actionExpiry", "0");
            fixture.config("action.cleanup.actionStatus", "\"CANCELED\"");
            fixture.config("action.cleanup.enabled", "true");
            assertThat(cleanup.run().done()).as("actions deleted").isEqualTo(1);
            JsonNode actions =
                    api.mgmt("GET", "/rest/v1/targets/cl-device/actions").json();
            assertThat(actions.get("total").asLong()).isEqualTo(1);
            assertThat(actions.get("content").get(0).get("id").asLong()).isEqualTo(running);
            assertThat(cleanup.run().done()).as("actions deleted again").isZero();
            JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targets/cl-device/actions/" + canceled), 404);
        } finally {
            fixture.config("action.cleanup.enabled", "false");
            fixture.config("repository.actions.autoclose.enabled", "false");
        }
    }

    private static void assertError(ApiClient.Response response, String errorCode) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("errorCode").asString()).as(response.text()).isEqualTo(errorCode);
        assertThat(body.has("exceptionClass")).isTrue();
        assertThat(body.has("message")).isTrue();
    }
}
