package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.auditedFields;
import static io.hawkbit.server.ContractAssert.links;
import static io.hawkbit.server.ContractAssert.pagedList;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code MgmtSoftwareModuleTypeRestApi}, endpoint by endpoint: method and path, status codes, the exact
 * field names of {@code MgmtSoftwareModuleType} and its one link, {@code self}.
 */
@MgmtApiTest
class SoftwareModuleTypeApiContractTest {

    static final String[] TYPE = {
        "id", "name", "description", "key", "colour", "minArtifacts", "maxAssignments", "deleted", "_links"
    };

    @LocalServerPort
    int port;

    private final String key = "smtc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void types_createListGetUpdateDelete() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremoduletypes",
                "[{\"name\":\"" + key + "\",\"key\":\"" + key + "\",\"description\":\"d\",\"colour\":\"#010203\","
                        + "\"maxAssignments\":3}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().isArray()).isTrue();
        JsonNode item = created.json().get(0);
        auditedFields(item, TYPE);
        links(item, "self");
        assertThat(item.get("minArtifacts").asInt()).isZero();
        long id = item.get("id").asLong();

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==" + key);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        auditedFields(list.json().get("content").get(0), TYPE);
        links(list.json().get("content").get(0), "self");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + id);
        JsonAssert.statusCode(one, 200);
        auditedFields(one.json(), TYPE);
        links(one.json(), "self");

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/softwaremoduletypes/" + id, "{\"description\":\"e\",\"colour\":\"#000000\"}");
        JsonAssert.statusCode(updated, 200);
        auditedFields(updated.json(), TYPE);
        links(updated.json(), "self");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremoduletypes/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/softwaremoduletypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void types_nullFieldsAreLeftOutAndBadInputRefused() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response created = api.mgmt(
                "POST", "/rest/v1/softwaremoduletypes", "[{\"name\":\"" + key + "-b\",\"key\":\"" + key + "-b\"}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().get(0).has("description")).isFalse();
        assertThat(created.json().get(0).has("colour")).isFalse();
        assertThat(created.json().get(0).get("maxAssignments").asInt()).isEqualTo(1);

        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/softwaremoduletypes", "[{\"name\":\"no key\"}]"), 400);
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremoduletypes",
                        "[{\"name\":\"" + key + "-m\",\"key\":\"" + key + "-m\",\"minArtifacts\":1}]"),
                400);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=nope==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/softwaremoduletypes/999999", "{\"description\":\"x\"}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }
}
