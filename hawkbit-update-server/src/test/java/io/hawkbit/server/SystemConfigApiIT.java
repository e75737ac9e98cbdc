package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.tenant.TenantConfigKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rest/v1/system/configs}: every setting listed with its typed value, a tenant value set, read back, and
 * deleted back to the global default. Uses settings no other test of this context relies on.
 */
@MgmtApiTest
class SystemConfigApiIT {

    private static final String OVERDUE = "/rest/v1/system/configs/pollingOverdueTime";
    private static final String POLL_COUNT = "/rest/v1/system/configs/maintenanceWindowPollCount";

    @LocalServerPort
    int port;

    @Test
    void all_listsEveryKeyWithItsTypedValue() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response all = api.mgmt("GET", "/rest/v1/system/configs");
        JsonAssert.statusCode(all, 200);
        List<String> keys = new ArrayList<>();
        all.json().propertyNames().forEach(keys::add);
        for (TenantConfigKey key : TenantConfigKey.values()) {
            assertThat(keys)
                    .as("admin holds READ_GATEWAY_SECURITY_TOKEN, so every key")
                    .contains(key.key());
        }
        JsonNode targetToken = all.json().get("authentication.targettoken.enabled");
        assertThat(targetToken.get("value").isBoolean()).isTrue();
        assertThat(targetToken.get("global").isBoolean()).isTrue();
        assertThat(all.json().get("maintenanceWindowPollCount").get("value").isNumber())
                .isTrue();
        assertThat(all.json().get("pollingTime").get("value").isString()).isTrue();
        assertThat(all.json()
                        .get("pollingTime")
                        .get("_links")
                        .get("self")
                        .get("href")
                        .asString())
                .endsWith("/rest/v1/system/configs/pollingTime");
    }

    @Test
    void set_get_delete_fallsBackToTheGlobalDefault() {
        ApiClient api = new ApiClient(port);
        JsonNode before = api.mgmt("GET", OVERDUE).json();
        assertThat(before.get("value").asString()).isEqualTo("00:05:00");
        assertThat(before.get("global").asBoolean()).isTrue();
        assertThat(before.has("createdBy")).isFalse();

        ApiClient.Response set = api.mgmt("PUT", OVERDUE, "{\"value\":\"00:07:30\"}");
        JsonAssert.statusCode(set, 200);
        assertThat(set.json().get("value").asString()).isEqualTo("00:07:30");
        assertThat(set.json().get("global").asBoolean()).isFalse();
        assertThat(set.json().get("createdBy").asString()).isEqualTo("admin");
        assertThat(set.json().get("_links").get("self").get("href").asString()).endsWith(OVERDUE);

        ApiClient.Response one = api.mgmt("GET", OVERDUE);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("value").asString()).isEqualTo("00:07:30");
        assertThat(one.json().get("global").asBoolean()).isFalse();
        JsonNode listed = api.mgmt("GET", "/rest/v1/system/configs").json().get("pollingOverdueTime");
        assertThat(listed.get("value").asString()).isEqualTo("00:07:30");
        assertThat(listed.get("global").asBoolean()).isFalse();

        JsonAssert.statusCode(api.mgmt("DELETE", OVERDUE), 204);
        JsonNode after = api.mgmt("GET", OVERDUE).json();
        assertThat(after.get("value").asString()).isEqualTo("00:05:00");
        assertThat(after.get("global").asBoolean()).isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/system/configs")
                        .json()
                        .get("pollingOverdueTime")
                        .get("global")
                        .asBoolean())
                .isTrue();
        JsonAssert.statusCode(api.mgmt("DELETE", OVERDUE), 204);
    }

    @Test
    void numberSetting_keepsItsJsonType() {
        ApiClient api = new ApiClient(port);
        try {
            ApiClient.Response set = api.mgmt("PUT", POLL_COUNT, "{\"value\":7}");
            JsonAssert.statusCode(set, 200);
            assertThat(set.json().get("value").isNumber()).isTrue();
            assertThat(api.mgmt("GET", POLL_COUNT).json().get("value").asLong()).isEqualTo(7);
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", POLL_COUNT), 204);
        }
        assertThat(api.mgmt("GET", POLL_COUNT).json().get("value").asLong()).isEqualTo(3);
    }
    /** hawkBit 1.1 renamed action.cleanup.actionExpiry/actionStatus; the old names reach the same values. */
    @Test
    void renamedKeys_are11Names_andTheOldNamesAreAliases() {
        ApiClient api = new ApiClient(port);
        JsonNode all = api.mgmt("GET", "/rest/v1/system/configs").json();
        assertThat(all.has("action.cleanup.auto.expiry")).isTrue();
        assertThat(all.has("action.cleanup.auto.status")).isTrue();
        assertThat(all.has("action.cleanup.actionExpiry"))
                .as("listed once, by the 1.1 name")
                .isFalse();
        assertThat(all.has("action.cleanup.actionStatus")).isFalse();
        try {
            ApiClient.Response old =
                    api.mgmt("PUT", "/rest/v1/system/configs/action.cleanup.actionExpiry", "{\"value\":86400000}");
            JsonAssert.statusCode(old, 200);
            assertThat(old.json().get("_links").get("self").get("href").asString())
                    .endsWith("/rest/v1/system/configs/action.cleanup.auto.expiry");
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.auto.expiry")
                            .json()
                            .get("value")
                            .asLong())
                    .isEqualTo(86_400_000L);
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.actionExpiry")
                            .json()
                            .get("global")
                            .asBoolean())
                    .isFalse();
            JsonAssert.statusCode(
                    api.mgmt("PUT", "/rest/v1/system/configs/action.cleanup.auto.status", "{\"value\":\"ERROR\"}"),
                    200);
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.actionStatus")
                            .json()
                            .get("value")
                            .asString())
                    .isEqualTo("ERROR");
            JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/system/configs/action.cleanup.actionStatus"), 204);
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.auto.status")
                            .json()
                            .get("global")
                            .asBoolean())
                    .as("deleted through the old name")
                    .isTrue();
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/system/configs/action.cleanup.auto.expiry"), 204);
            JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/system/configs/action.cleanup.auto.status"), 204);
        }
    }

    /** hawkBit 1.1's batch update: 200 with the new values; one bad value and nothing is written. */
    @Test
    void batchPut_writesAllOrNothing() {
        ApiClient api = new ApiClient(port);
        try {
            ApiClient.Response refused = api.mgmt(
                    "PUT",
                    "/rest/v1/system/configs",
                    "{\"maintenanceWindowPollCount\":9,\"action.cleanup.actionStatus\":\"ERROR\",\"pollingOverdueTime\":\"soon\"}");
            JsonAssert.error(refused, 400, "hawkbit.server.error.configValueInvalid");
            assertThat(api.mgmt("GET", POLL_COUNT).json().get("global").asBoolean())
                    .as("nothing written")
                    .isTrue();
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.auto.status")
                            .json()
                            .get("global")
                            .asBoolean())
                    .isTrue();
            JsonAssert.error(
                    api.mgmt("PUT", "/rest/v1/system/configs", "{\"maintenanceWindowPollCount\":9,\"no.such.key\":1}"),
                    400,
                    "hawkbit.server.error.configKeyInvalid");
            assertThat(api.mgmt("GET", POLL_COUNT).json().get("global").asBoolean())
                    .isTrue();

            ApiClient.Response set = api.mgmt(
                    "PUT",
                    "/rest/v1/system/configs",
                    "{\"maintenanceWindowPollCount\":9,\"action.cleanup.actionStatus\":\"ERROR\"}");
            JsonAssert.statusCode(set, 200);
            assertThat(set.json().isArray()).isTrue();
            assertThat(set.json().size()).isEqualTo(2);
            assertThat(set.json().get(0).get("value").asLong()).isEqualTo(9);
            assertThat(set.json().get(0).get("global").asBoolean()).isFalse();
            assertThat(set.json().get(1).get("_links").get("self").get("href").asString())
                    .endsWith("/rest/v1/system/configs/action.cleanup.auto.status");
            assertThat(api.mgmt("GET", POLL_COUNT).json().get("value").asLong()).isEqualTo(9);
            assertThat(api.mgmt("GET", "/rest/v1/system/configs/action.cleanup.auto.status")
                            .json()
                            .get("value")
                            .asString())
                    .isEqualTo("ERROR");
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", POLL_COUNT), 204);
            JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/system/configs/action.cleanup.auto.status"), 204);
        }
    }
}
