package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import java.nio.file.Path;
import java.util.List;
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
 * Distribution set metadata as hawkBit 1.1 has it: create and update both create or replace (201 / 204, no body),
 * delete 204, unknown set or key 404, a quota per set counting new keys only (403), nothing written by a refused
 * request; the set's metadata link, RSQL {@code metadata.<key>} on sets, and what deletion does to the entries.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.quota.metadata.max-entries-per-distribution-set=3"})
@ActiveProfiles("test")
class DistributionSetMetadataIT {

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
    void crud_inHawkbit11Form_publishesSetUpdated() {
        long set = fixture.completeSet("dsmd-crud");
        String path = "/rest/v1/distributionsets/" + set + "/metadata";
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ClusterEvent>) events::add);

        ApiClient.Response created = api.mgmt("POST", path, "[{\"key\":\"channel\",\"value\":\"beta\"}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.body()).isEmpty();
        // 1.1 replaces an existing key on create rather than refusing it.
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        path,
                        "[{\"key\":\"channel\",\"value\":\"stable\"},{\"key\":\"notes\",\"value\":\"n\"}]"),
                201);

        JsonNode list = api.mgmt("GET", path).json();
        assertThat(list.get("content").toString())
                .isEqualTo("[{\"key\":\"channel\",\"value\":\"stable\"},{\"key\":\"notes\",\"value\":\"n\"}]");
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(api.mgmt("GET", path + "/channel").json().toString())
                .isEqualTo("{\"key\":\"channel\",\"value\":\"stable\"}");

        JsonAssert.statusCode(api.mgmt("PUT", path + "/channel", "{\"value\":\"lts\"}"), 204);
        assertThat(api.mgmt("GET", path + "/channel").json().get("value").asString())
                .isEqualTo("lts");
        JsonAssert.statusCode(api.mgmt("DELETE", path + "/notes"), 204);
        JsonAssert.error(api.mgmt("GET", path + "/notes"), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(api.mgmt("DELETE", path + "/notes"), 404, "hawkbit.server.error.repo.entitiyNotFound");

        assertThat(events.stream().filter(DistributionSetUpdatedEvent.class::isInstance))
                .hasSize(4);
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets/" + set)
                        .json()
                        .at("/_links/metadata/href")
                        .asString())
                .isEqualTo(api.base() + path);
        JsonNode page =
                api.mgmt("GET", path + "?q=key==chan*&offset=0&limit=10").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void refusedWrites_answerHawkbitErrors_andWriteNothing() {
        long set = fixture.completeSet("dsmd-bad");
        String path = "/rest/v1/distributionsets/" + set + "/metadata";
        JsonAssert.statusCode(
                api.mgmt("POST", path, "[{\"key\":\"k1\",\"value\":\"v1\"},{\"key\":\"k2\",\"value\":\"v2\"}]"), 201);

        // Quota 3: replacing k1 and adding k3 fits, adding k3 and k4 does not, and then k1 keeps its value.
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        path,
                        "[{\"key\":\"k1\",\"value\":\"x\"},{\"key\":\"k3\",\"value\":\"x\"},"
                                + "{\"key\":\"k4\",\"value\":\"x\"}]"),
                403,
                "hawkbit.server.error.quota.tooManyEntries");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"d\",\"value\":\"x\"},{\"key\":\"d\",\"value\":\"y\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"k1\",\"value\":\"x\"},{\"key\":\" \",\"value\":\"x\"}]"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("PUT", path + "/k1", "{\"value\":null}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        assertThat(api.mgmt("GET", path).json().get("content").toString())
                .isEqualTo("[{\"key\":\"k1\",\"value\":\"v1\"},{\"key\":\"k2\",\"value\":\"v2\"}]");

        JsonAssert.statusCode(
                api.mgmt("POST", path, "[{\"key\":\"k1\",\"value\":\"x\"},{\"key\":\"k3\",\"value\":\"x\"}]"), 201);
        JsonAssert.error(
                api.mgmt("PUT", path + "/k4", "{\"value\":\"x\"}"), 403, "hawkbit.server.error.quota.tooManyEntries");

        String unknown = "/rest/v1/distributionsets/999999/metadata";
        for (String[] call : new String[][] {
            {"GET", unknown, null},
            {"POST", unknown, "[{\"key\":\"k\",\"value\":\"v\"}]"},
            {"GET", unknown + "/k", null},
            {"PUT", unknown + "/k", "{\"value\":\"v\"}"},
            {"DELETE", unknown + "/k", null}
        }) {
            JsonAssert.error(api.mgmt(call[0], call[1], call[2]), 404, "hawkbit.server.error.repo.entitiyNotFound");
        }
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsets/abc/metadata"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
    }

    @Test
    void rsqlOnSets_filtersByMetadataKey() {
        long beta = fixture.completeSet("dsmd-beta");
        fixture.completeSet("dsmd-plain");
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets/" + beta + "/metadata",
                        "[{\"key\":\"ring\",\"value\":\"beta\"}]"),
                201);
        JsonNode found = api.mgmt("GET", "/rest/v1/distributionsets?q=metadata.ring==beta")
                .json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("content").get(0).get("id").asLong()).isEqualTo(beta);
    }

    @Test
    void deletion_removesEntriesOfDeletedSets_keepsThoseOfSoftDeletedOnes() {
        long unused = fixture.completeSet("dsmd-unused");
        long deployed = fixture.completeSet("dsmd-deployed");
        for (long set : new long[] {unused, deployed}) {
            JsonAssert.statusCode(
                    api.mgmt(
                            "POST",
                            "/rest/v1/distributionsets/" + set + "/metadata",
                            "[{\"key\":\"k\",\"value\":\"v\"}]"),
                    201);
        }
        fixture.target("dsmd-device");
        fixture.assign("dsmd-device", deployed, "forced");

        assertThat(api.mgmt("DELETE", "/rest/v1/distributionsets/" + unused).status())
                .isBetween(200, 204);
        assertThat(api.mgmt("DELETE", "/rest/v1/distributionsets/" + deployed).status())
                .isBetween(200, 204);

        assertThat(rows(unused)).isZero();
        // The deployed set is only marked deleted: its history (and the devices installing it) still refer to it.
        assertThat(rows(deployed)).isEqualTo(1);
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets/" + deployed + "/metadata/k")
                        .json()
                        .get("value")
                        .asString())
                .isEqualTo("v");
    }

    private int rows(long setId) {
        return jdbc.queryForObject(
                "select count(*) from distribution_set_metadata where ds_id = ?", Integer.class, setId);
    }
}
