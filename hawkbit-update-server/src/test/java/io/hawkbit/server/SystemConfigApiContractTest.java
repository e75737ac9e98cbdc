package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.auditedFields;
import static io.hawkbit.server.ContractAssert.fields;
import static io.hawkbit.server.ContractAssert.links;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code MgmtTenantManagementRestApi} ({@code /rest/v1/system/configs}), endpoint by endpoint. A value
 * is 1.1's {@code MgmtSystemTenantConfigurationValue}: {@code value} (sent even when null) and {@code global} always,
 * the audit fields only once the tenant has its own value, and one link, {@code self}.
 */
@MgmtApiTest
class SystemConfigApiContractTest {

    private static final String KEY = "maintenanceWindowPollCount";
    private static final String PATH = "/rest/v1/system/configs/" + KEY;

    @LocalServerPort
    int port;

    @Test
    void all_isAMapOfKeyToValue() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response all = api.mgmt("GET", "/rest/v1/system/configs");
        JsonAssert.statusCode(all, 200);
        assertThat(ContractAssert.names(all.json()))
                .contains(
                        "pollingTime",
                        "pollingOverdueTime",
                        "maintenanceWindowPollCount",
                        "authentication.targettoken.enabled",
                        "authentication.gatewaytoken.enabled",
                        "authentication.gatewaytoken.key",
                        "authentication.header.enabled",
                        "authentication.header.authority",
                        "repository.actions.autoclose.enabled",
                        "multi.assignments.enabled",
                        "user.confirmation.flow.enabled",
                        "rollout.approval.enabled",
                        "action.cleanup.auto.expiry",
                        "action.cleanup.auto.status");
        JsonNode polling = all.json().get("pollingTime");
        assertThat(ContractAssert.names(polling)).contains("value", "global", "_links");
        links(polling, "self");
    }

    @Test
    void oneKey_getPutDelete() {
        ApiClient api = new ApiClient(port);
        try {
            ApiClient.Response global = api.mgmt("GET", PATH);
            JsonAssert.statusCode(global, 200);
            fields(global.json(), "value", "global", "_links");
            links(global.json(), "self");
            assertThat(global.json().get("global").asBoolean()).isTrue();

            ApiClient.Response set = api.mgmt("PUT", PATH, "{\"value\":7}");
            JsonAssert.statusCode(set, 200);
            auditedFields(set.json(), "value", "global", "_links");
            links(set.json(), "self");
            assertThat(set.json().get("global").asBoolean()).isFalse();
            assertThat(set.json().get("value").asInt()).isEqualTo(7);

            ApiClient.Response reread = api.mgmt("GET", PATH);
            auditedFields(reread.json(), "value", "global", "_links");
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", PATH), 204);
        }
        fields(api.mgmt("GET", PATH).json(), "value", "global", "_links");
    }

    @Test
    void batchPut_answersTheNewValues() {
        ApiClient api = new ApiClient(port);
        try {
            ApiClient.Response set = api.mgmt("PUT", "/rest/v1/system/configs", "{\"" + KEY + "\":5}");
            JsonAssert.statusCode(set, 200);
            assertThat(set.json().isArray()).isTrue();
            auditedFields(set.json().get(0), "value", "global", "_links");
            links(set.json().get(0), "self");
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", PATH), 204);
        }
    }

    @Test
    void badKeysAndValuesAreRefused() {
        ApiClient api = new ApiClient(port);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/system/configs/no.such.key"), 400, "hawkbit.server.error.configKeyInvalid");
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/system/configs/no.such.key", "{\"value\":1}"),
                400,
                "hawkbit.server.error.configKeyInvalid");
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/system/configs/pollingTime", "{\"value\":\"soon\"}"),
                400,
                "hawkbit.server.error.configValueInvalid");
    }
}
