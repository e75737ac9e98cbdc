package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.SoftwareModuleUpdatedEvent;
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
 * Software module metadata as hawkBit 1.1 has it (create or replace, {@code targetVisible}, an update leaving out
 * what it does not name, the quota, hawkBit's errors) and the DDI side: entries marked {@code targetVisible} reach
 * the device as {@code chunks[].metadata}, others never do, and a chunk without any has no {@code metadata} field.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hawkbit.quota.metadata.max-entries-per-software-module=3"})
@ActiveProfiles("test")
class SoftwareModuleMetadataIT {

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
    void crud_withTargetVisible_inHawkbit11Form() {
        long module = fixture.module("smmd-crud", "1", "os");
        String path = "/rest/v1/softwaremodules/" + module + "/metadata";
        List<ClusterEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<ClusterEvent>) events::add);

        ApiClient.Response created = api.mgmt(
                "POST",
                path,
                "[{\"key\":\"flash.offset\",\"value\":\"0x400\",\"targetVisible\":true},{\"key\":\"build\",\"value\":\"ci-17\"}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.body()).isEmpty();
        assertThat(api.mgmt("GET", path).json().get("content").toString())
                .isEqualTo("[{\"key\":\"build\",\"value\":\"ci-17\",\"targetVisible\":false},"
                        + "{\"key\":\"flash.offset\",\"value\":\"0x400\",\"targetVisible\":true}]");

        // An update changes what it names and keeps the rest.
        JsonAssert.statusCode(api.mgmt("PUT", path + "/flash.offset", "{\"value\":\"0x800\"}"), 204);
        assertThat(api.mgmt("GET", path + "/flash.offset").json().toString())
                .isEqualTo("{\"key\":\"flash.offset\",\"value\":\"0x800\",\"targetVisible\":true}");
        JsonAssert.statusCode(api.mgmt("PUT", path + "/build", "{\"targetVisible\":true}"), 204);
        assertThat(api.mgmt("GET", path + "/build").json().toString())
                .isEqualTo("{\"key\":\"build\",\"value\":\"ci-17\",\"targetVisible\":true}");
        // Create replaces an existing key (1.1); targetVisible left out is false.
        JsonAssert.statusCode(api.mgmt("POST", path, "[{\"key\":\"build\",\"value\":\"ci-18\"}]"), 201);
        assertThat(api.mgmt("GET", path + "/build").json().get("targetVisible").asBoolean())
                .isFalse();
        // An update may add an entry, but not one without a value.
        JsonAssert.error(
                api.mgmt("PUT", path + "/new", "{\"targetVisible\":true}"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.statusCode(api.mgmt("PUT", path + "/new", "{\"value\":\"n\"}"), 204);
        JsonAssert.error(
                api.mgmt("PUT", path + "/fourth", "{\"value\":\"n\"}"),
                403,
                "hawkbit.server.error.quota.tooManyEntries");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"fourth\",\"value\":\"n\"}]"),
                403,
                "hawkbit.server.error.quota.tooManyEntries");
        JsonAssert.statusCode(api.mgmt("DELETE", path + "/new"), 204);
        JsonAssert.error(api.mgmt("GET", path + "/new"), 404, "hawkbit.server.error.repo.entitiyNotFound");

        JsonNode visible = api.mgmt("GET", path + "?q=targetVisible==true").json();
        assertThat(visible.get("total").asLong()).isEqualTo(1);
        assertThat(events.stream().filter(SoftwareModuleUpdatedEvent.class::isInstance))
                .hasSize(6);
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module)
                        .json()
                        .at("/_links/metadata/href")
                        .asString())
                .isEqualTo(api.base() + path);
    }

    @Test
    void refusedWrites_writeNothing_unknownModuleIs404() {
        long module = fixture.module("smmd-bad", "1", "os");
        String path = "/rest/v1/softwaremodules/" + module + "/metadata";
        JsonAssert.error(
                api.mgmt(
                        "POST",
                        path,
                        "[{\"key\":\"ok\",\"value\":\"v\"},{\"key\":\"" + "k".repeat(129) + "\",\"value\":\"v\"}]"),
                400,
                "hawkbit.server.error.repo.constraintViolation");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"ok\",\"value\":\"v\"},{\"key\":\"ok\",\"value\":\"w\"}]"),
                409,
                "hawkbit.server.error.repo.entitiyAlreayExists");
        JsonAssert.error(
                api.mgmt("POST", path, "[{\"key\":\"ok\",\"value\":\"v\",\"targetVisible\":\"maybe\"}]"),
                400,
                "hawkbit.server.error.rest.body.notReadable");
        assertThat(api.mgmt("GET", path).json().get("total").asLong()).isZero();

        String unknown = "/rest/v1/softwaremodules/999999/metadata";
        for (String[] call : new String[][] {
            {"GET", unknown, null},
            {"POST", unknown, "[{\"key\":\"k\",\"value\":\"v\"}]"},
            {"GET", unknown + "/k", null},
            {"PUT", unknown + "/k", "{\"value\":\"v\"}"},
            {"DELETE", unknown + "/k", null}
        }) {
            JsonAssert.error(api.mgmt(call[0], call[1], call[2]), 404, "hawkbit.server.error.repo.entitiyNotFound");
        }
    }

    @Test
    void deploymentBase_carriesTargetVisibleMetadata_only() {
        long os = fixture.module("smmd-os", "1", "os");
        long app = fixture.module("smmd-app", "1", "application");
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules/" + os + "/metadata",
                        "[{\"key\":\"partition\",\"value\":\"B\",\"targetVisible\":true},"
                                + "{\"key\":\"internal.ticket\",\"value\":\"OPS-1\",\"targetVisible\":false},"
                                + "{\"key\":\"checksum.alg\",\"value\":\"sha256\",\"targetVisible\":true}]"),
                201);
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules/" + app + "/metadata",
                        "[{\"key\":\"internal.only\",\"value\":\"x\"}]"),
                201);
        long set = fixture.distributionSet("smmd-set", "1", "os_app", os, app);
        String token = fixture.target("smmd-device");
        long action = fixture.assign("smmd-device", set, "forced");

        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json");
        ApiClient.Response deployment =
                api.send("GET", "/DEFAULT/controller/v1/smmd-device/deploymentBase/" + action, (byte[]) null, auth);
        JsonAssert.statusCode(deployment, 200);
        JsonNode chunks = deployment.json().at("/deployment/chunks");
        JsonNode osChunk = chunk(chunks, "smmd-os");
        JsonNode appChunk = chunk(chunks, "smmd-app");
        assertThat(osChunk.get("metadata").toString())
                .isEqualTo("[{\"key\":\"checksum.alg\",\"value\":\"sha256\"},{\"key\":\"partition\",\"value\":\"B\"}]");
        assertThat(appChunk.has("metadata")).as(appChunk.toString()).isFalse();
    }

    @Test
    void deletingModule_deletesItsMetadata() {
        long module = fixture.module("smmd-gone", "1", "os");
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules/" + module + "/metadata",
                        "[{\"key\":\"k\",\"value\":\"v\"}]"),
                201);
        assertThat(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + module).status())
                .isBetween(200, 204);
        assertThat(jdbc.queryForObject(
                        "select count(*) from software_module_metadata where sm_id = ?", Integer.class, module))
                .isZero();
    }

    private static JsonNode chunk(JsonNode chunks, String name) {
        for (JsonNode chunk : chunks) {
            if (chunk.get("name").asString().equals(name)) {
                return chunk;
            }
        }
        throw new AssertionError("No chunk " + name + " in " + chunks);
    }
}
