package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * hawkBit 1.1 fields and parameters whose feature this server lacks are refused with a 400 naming them, and nothing is
 * written; their neutral values (false, absent) still pass, so clients that always send them keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnimplementedFieldsIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    static long set;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        if (set == 0) {
            set = fixture.completeSet("unimpl");
            fixture.target("unimpl-1");
        }
    }

    private void assertRefused(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asString()).startsWith("hawkbit.server.error");
        assertThat(response.json().get("message").asString()).contains("'" + field + "'");
    }

    private int actionsOf(String controllerId) {
        return api.mgmt("GET", "/rest/v1/targets/" + controllerId + "/actions", null)
                .json()
                .get("total")
                .asInt();
    }

    @Test
    void assignment_acceptsNeutralValues() {
        fixture.target("unimpl-neutral");
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/unimpl-neutral/assignedDS?offline=false",
                "{\"id\":" + set + ",\"confirmationRequired\":false,\"maintenanceWindow\":null}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(actionsOf("unimpl-neutral")).isEqualTo(1);
    }

    @Test
    void softwareModule_refusesEncryptedAndLocked() {
        assertRefused(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules",
                        "[{\"name\":\"enc\",\"version\":\"1\",\"type\":\"os\",\"encrypted\":true}]"),
                "encrypted");
        assertRefused(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules",
                        "[{\"name\":\"enc\",\"version\":\"1\",\"type\":\"os\",\"locked\":true}]"),
                "locked");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules?q=name==enc", null)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        long module = fixture.module("plain", "1", "os");
        assertRefused(api.mgmt("PUT", "/rest/v1/softwaremodules/" + module, "{\"locked\":true}"), "locked");
        ApiClient.Response neutral = api.mgmt(
                "POST",
                "/rest/v1/softwaremodules",
                "[{\"name\":\"neutral\",\"version\":\"1\",\"type\":\"os\",\"encrypted\":false}]");
        assertThat(neutral.status()).as(neutral.text()).isEqualTo(201);
    }

    @Test
    void softwareModuleType_refusesMinArtifacts() {
        assertRefused(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremoduletypes",
                        "[{\"name\":\"Needs files\",\"key\":\"needs-files\",\"minArtifacts\":1}]"),
                "minArtifacts");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==needs-files", null)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void targetsOfATag_honourQ() {
        fixture.target("tagged-a");
        fixture.target("tagged-b");
        long tag = api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"lab\"}]")
                .json()
                .get(0)
                .get("id")
                .asLong();
        assertThat(api.mgmt("POST", "/rest/v1/targettags/" + tag + "/assigned", "[\"tagged-a\",\"tagged-b\"]")
                        .status())
                .isEqualTo(204);

        var all = api.mgmt("GET", "/rest/v1/targettags/" + tag + "/assigned", null)
                .json();
        assertThat(all.get("total").asInt()).isEqualTo(2);
        var filtered = api.mgmt("GET", "/rest/v1/targettags/" + tag + "/assigned?q=controllerId==tagged-b", null)
                .json();
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(filtered.get("content").get(0).get("controllerId").asString())
                .isEqualTo("tagged-b");
        ApiClient.Response bad = api.mgmt("GET", "/rest/v1/targettags/" + tag + "/assigned?q=nosuchfield==1", null);
        assertThat(bad.status()).isEqualTo(400);
    }
}
