package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Target metadata as hawkBit 1.1 has it: create answers 201 without a body and refuses existing keys (409), update
 * creates or replaces (204), delete 204, unknown target or key 404, a quota per target (403), hawkBit's error body,
 * nothing written by a refused request; the target's metadata link and RSQL {@code metadata.<key>}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.quota.metadata.max-entries-per-target=3",
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.viewer.password=v",
            "hawkbit.security.users.viewer.roles=READ"
        })
@ActiveProfiles("test")
class TargetMetadataIT {

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
    JdbcTemplate jdbc;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void crud_inHawkbit11Form_publishesTargetUpdated() {
        fixture.target("md-crud");
        String path = "/rest/v1/targets/md-crud/metadata";
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ClusterEvent>) events::add);

        ApiClient.Response created =
                api.mgmt("POST", path, "[{\"key\":\"region\",\"value\":\"eu\"},{\"key\":\"rack\",\"value\":\"r7\"}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.body()).isEmpty();

        JsonNode list = api.mgmt("GET", path).json();
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("size").asInt()).isEqualTo(2);
        assertThat(list.get("content").toString())
                .isEqualTo("[{\"key\":\"rack\",\"value\":\"r7\"},{\"key\":\"region\",\"value\":\"eu\"}]");

        ApiClient.Response one = api.mgmt("GET", path + "/region");
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().toString()).isEqualTo("{\"key\":\"region\",\"value\":\"eu\"}");

        ApiClient.Response updated = api.mgmt("PUT", path + "/region", "{\"value\":\"us\"}");
        JsonAssert.statusCode(updated, 204);
        assertThat(api.mgmt("GET", path + "/region").json().get("value").asString())
                .isEqualTo("us");

        // 1.1's PUT adds an entry the target does not have yet.
        JsonAssert.statusCode(api.mgmt("PUT", path + "/room", "{\"value\":\"b2\"}"), 204);
        assertThat(api.mgmt("GET", path + "/room").json().get("value").asString())
                .isEqualTo("b2");

        ApiClient.Response deleted = api.mgmt("DELETE", path + "/room");
        JsonAssert.statusCode(deleted, 204);
        JsonAssert.error(api.mgmt("GET", path + "/room"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(api.mgmt("DELETE", path + "/room"), 404, "hawkbit.server.error.repo.entitiyNotFound");

        assertThat(events.stream().filter(TargetUpdatedEvent.class::isInstance)).hasSize(4);

        JsonNode target = api.mgmt("GET", "/rest/v1/targets/md-crud").json();
        assertThat(target.at("/_links/metadata/href").asString())
                .isEqualTo(api.base() + "/rest/v1/targets/md-crud/metadata");
    }

    @Test
    void list_pagesFiltersAndSortsLikeOlderHawkbit() {
        fixture.target("md-list");
        String path = "/rest/v1/targets/md-list/metadata";
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        path,
                        "[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\"},{\"key\":\"c\",\"value\":\"1\"}]"),
                201);

        JsonNode page =
                api.mgmt("GET", path + "?offset=1&limit=1&sort=key:DESC").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("content").get(0).get("key").asString()).isEqualTo("b");

        JsonNode filtered = api.mgmt("GET", path + "?q=value==1").json();
        assertThat(filtered.get("total").asLong()).isEqualTo(2);
        JsonAssert.error(
                api.mgmt("GET", path + "?q=colour==1"), 400, "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                api.mgmt("GET", path + "?sort=colour:ASC"), 400, "hawkbit.server.error.rest.param.invalidField");
    }

    @Test
    void refusedWrites_answerHawkbitErrors_andWriteNothing() {
        fixture.target("md-bad");
        String path = "/rest/v1/targets/md-bad/metadata";
        JsonAssert.statusCode(api.mgmt("POST", path, "[{\"key\":\"k1\",\"value\":\"v1\"}]"), 201);

        // An existing key: nothing of the request is written.
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"new\",\"value\":\"x\"},{\"key\":\"k1\",\"value\":\"v2\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"d\",\"value\":\"x\"},{\"key\":\"d\",\"value\":\"y\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        // The quota is 3 here: 1 + 3 is one too many.
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        path,
                        "[{\"key\":\"q1\",\"value\":\"x\"},{\"key\":\"q2\",\"value\":\"x\"},{\"key\":\"q3\",\"value\":\"x\"}]"),
                403,
                "hawkbit.server.error.quota.tooManyEntries");
        String tooLongKey = "k".repeat(129);
        String tooLongValue = "v".repeat(4001);
        for (String body : new String[] {
            "[{\"key\":\"\",\"value\":\"x\"}]",
            "[{\"value\":\"x\"}]",
            "[{\"key\":\"n\"}]",
            "[{\"key\":\"" + tooLongKey + "\",\"value\":\"x\"}]",
            "[{\"key\":\"n\",\"value\":\"" + tooLongValue + "\"}]"
        }) {
            JsonAssert.error(api.mgmt("POST", path, body), 400, "hawkbit.server.error.repo.constraintViolation");
        }
        JsonAssert.error(api.mgmt("POST", path, "[null]"), 400, "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", path, "{\"key\":\"n\",\"value\":\"x\"}"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
        JsonAssert.error(api.mgmt("PUT", path + "/k1", "{}"), 400, "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("PUT", path + "/k1", "{\"value\":\"" + tooLongValue + "\"}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("PUT", path + "/" + tooLongKey, "{\"value\":\"x\"}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");

        JsonNode list = api.mgmt("GET", path).json();
        assertThat(list.get("content").toString()).isEqualTo("[{\"key\":\"k1\",\"value\":\"v1\"}]");

        // Filling up to the quota works; one more, by create or by update, does not; replacing does.
        JsonAssert.statusCode(
                api.mgmt("POST", path, "[{\"key\":\"k2\",\"value\":\"x\"},{\"key\":\"k3\",\"value\":\"x\"}]"), 201);
        JsonAssert.error(
                api.mgmt("PUT", path + "/k4", "{\"value\":\"x\"}"), 403, "hawkbit.server.error.quota.tooManyEntries");
        JsonAssert.statusCode(api.mgmt("PUT", path + "/k3", "{\"value\":\"y\"}"), 204);
        assertThat(api.mgmt("GET", path).json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void unknownTarget_is404_onEveryEndpoint() {
        String path = "/rest/v1/targets/md-nobody/metadata";
        for (String[] call : new String[][] {
            {"GET", path, null},
            {"POST", path, "[{\"key\":\"k\",\"value\":\"v\"}]"},
            {"GET", path + "/k", null},
            {"PUT", path + "/k", "{\"value\":\"v\"}"},
            {"DELETE", path + "/k", null}
        }) {
            JsonAssert.error(api.mgmt(call[0], call[1], call[2]), 404, "hawkbit.server.error.repo.entitiyNotFound");
        }
    }

    @Test
    void readRole_mayRead_butNotWrite() {
        fixture.target("md-roles");
        String path = "/rest/v1/targets/md-roles/metadata";
        JsonAssert.statusCode(api.mgmt("POST", path, "[{\"key\":\"k\",\"value\":\"v\"}]"), 201);
        Map<String, String> viewer = Map.of(
                "Authorization",
                ApiClient.basic("viewer", "v"),
                "Content-Type",
                "application/json",
                "Accept",
                "application/json");
        assertThat(api.send("GET", path, (String) null, viewer).status()).isEqualTo(200);
        assertThat(api.send("GET", path + "/k", (String) null, viewer).status()).isEqualTo(200);
        assertThat(api.send("POST", path, "[{\"key\":\"x\",\"value\":\"v\"}]", viewer)
                        .status())
                .isEqualTo(403);
        assertThat(api.send("PUT", path + "/k", "{\"value\":\"w\"}", viewer).status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", path + "/k", (String) null, viewer).status())
                .isEqualTo(403);
        assertThat(api.mgmt("GET", path + "/k").json().get("value").asString()).isEqualTo("v");
    }

    @Test
    void rsqlOnTargets_filtersByMetadataKey() {
        fixture.target("md-eu");
        fixture.target("md-us");
        fixture.target("md-none");
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targets/md-eu/metadata", "[{\"key\":\"zone\",\"value\":\"eu\"}]"), 201);
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targets/md-us/metadata", "[{\"key\":\"zone\",\"value\":\"us\"}]"), 201);

        JsonNode eu = api.mgmt("GET", "/rest/v1/targets?q=metadata.zone==eu").json();
        assertThat(eu.get("total").asLong()).isEqualTo(1);
        assertThat(eu.get("content").get(0).get("controllerId").asString()).isEqualTo("md-eu");
        JsonNode both = api.mgmt("GET", "/rest/v1/targets?q=metadata.zone=in=(eu,us)&sort=controllerId:ASC")
                .json();
        assertThat(both.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void deletingTarget_deletesItsMetadata() {
        fixture.target("md-gone");
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targets/md-gone/metadata", "[{\"key\":\"k\",\"value\":\"v\"}]"), 201);
        Long id = jdbc.queryForObject("select id from target where controller_id = 'md-gone'", Long.class);
        assertThat(rows(id)).isEqualTo(1);

        assertThat(api.mgmt("DELETE", "/rest/v1/targets/md-gone").status()).isBetween(200, 204);
        assertThat(rows(id)).isZero();
    }

    private int rows(Long targetId) {
        return jdbc.queryForObject("select count(*) from target_metadata where target_id = ?", Integer.class, targetId);
    }
}
