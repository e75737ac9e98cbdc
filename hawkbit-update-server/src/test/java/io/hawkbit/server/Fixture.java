package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Builds what a deployment needs through the Management API: a module with an artifact, a set, a target. */
final class Fixture {

    private final ApiClient api;

    Fixture(ApiClient api) {
        this.api = api;
    }

    long module(String name, String version, String type) {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremodules",
                "[{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"type\":\"" + type
                        + "\",\"vendor\":\"acme\"}]");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get(0).get("id").asLong();
    }

    JsonNode artifact(long moduleId, String filename, byte[] content) {
        ApiClient.Response uploaded = api.upload(moduleId, filename, content, Map.of());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        return uploaded.json();
    }

    long distributionSet(String name, String version, String type, long... modules) {
        StringBuilder ids = new StringBuilder();
        for (long module : modules) {
            ids.append(ids.isEmpty() ? "" : ",")
                    .append("{\"id\":")
                    .append(module)
                    .append('}');
        }
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsets",
                "[{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"type\":\"" + type + "\",\"modules\":["
                        + ids + "]}]");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get(0).get("id").asLong();
    }

    /** A complete set of type os holding one module, named {@code <prefix>-set} and {@code <prefix>-os}. */
    long completeSet(String prefix) {
        return distributionSet(prefix + "-set", "1", "os", module(prefix + "-os", "1", "os"));
    }

    /** Creates the targets {@code <prefix>0} to {@code <prefix><count - 1>}, 500 per request. */
    void targets(String prefix, int count) {
        for (int from = 0; from < count; from += 500) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = from; i < Math.min(count, from + 500); i++) {
                batch.append(i == from ? "" : ",")
                        .append("{\"controllerId\":\"")
                        .append(prefix)
                        .append(i)
                        .append("\"}");
            }
            ApiClient.Response created =
                    api.mgmt("POST", "/rest/v1/targets", batch.append(']').toString());
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
    }

    /** Creates a target and returns its security token. */
    String target(String controllerId) {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/targets",
                "[{\"controllerId\":\"" + controllerId + "\",\"name\":\"" + controllerId + "\"}]");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get(0).get("securityToken").asString();
    }

    long assign(String controllerId, long distributionSetId, String type) {
        ApiClient.Response assigned = api.mgmt(
                "POST",
                "/rest/v1/targets/" + controllerId + "/assignedDS",
                "{\"id\":" + distributionSetId + ",\"type\":\"" + type + "\"}");
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        return assigned.json().get("assignedActions").get(0).get("id").asLong();
    }

    void config(String key, String jsonValue) {
        ApiClient.Response set = api.mgmt("PUT", "/rest/v1/system/configs/" + key, "{\"value\":" + jsonValue + "}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
    }
}
