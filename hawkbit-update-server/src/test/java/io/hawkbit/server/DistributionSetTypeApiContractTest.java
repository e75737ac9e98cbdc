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
 * hawkBit 1.1's {@code MgmtDistributionSetTypeRestApi}, endpoint by endpoint: method and path, status codes, the exact
 * field names of {@code MgmtDistributionSetType} (and of the module types it lists) and link names: {@code self} on
 * created items and list items, plus {@code mandatorymodules} and {@code optionalmodules} on GET and PUT of one type.
 */
@MgmtApiTest
class DistributionSetTypeApiContractTest {

    private static final String[] TYPE = {"id", "name", "description", "key", "colour", "deleted", "_links"};

    @LocalServerPort
    int port;

    private final String key = "dstc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void types_createListGetUpdateDelete() {
        ApiClient api = new ApiClient(port);
        long os = moduleType(api, "os");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"" + key + "\",\"key\":\"" + key + "\",\"description\":\"d\",\"colour\":\"#010203\","
                        + "\"mandatorymodules\":[{\"id\":" + os + "}]}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().isArray()).isTrue();
        JsonNode item = created.json().get(0);
        auditedFields(item, TYPE);
        links(item, "self");
        long id = item.get("id").asLong();

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==" + key);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        auditedFields(list.json().get("content").get(0), TYPE);
        links(list.json().get("content").get(0), "self");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/distributionsettypes/" + id);
        JsonAssert.statusCode(one, 200);
        auditedFields(one.json(), TYPE);
        links(one.json(), "self", "mandatorymodules", "optionalmodules");

        ApiClient.Response updated = api.mgmt(
                "PUT", "/rest/v1/distributionsettypes/" + id, "{\"description\":\"e\",\"colour\":\"#000000\"}");
        JsonAssert.statusCode(updated, 200);
        auditedFields(updated.json(), TYPE);
        links(updated.json(), "self", "mandatorymodules", "optionalmodules");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsettypes/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsettypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/distributionsettypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void moduleTypes_mandatoryAndOptional_listGetAddRemove() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response smTypes = api.mgmt(
                "POST",
                "/rest/v1/softwaremoduletypes",
                "[{\"name\":\"" + key + "-1\",\"key\":\"" + key + "-1\",\"description\":\"d\",\"colour\":\"#111111\"},"
                        + "{\"name\":\"" + key + "-2\",\"key\":\"" + key
                        + "-2\",\"description\":\"d\",\"colour\":\"#222222\"}]");
        JsonAssert.statusCode(smTypes, 201);
        long os = smTypes.json().get(0).get("id").asLong();
        long app = smTypes.json().get(1).get("id").asLong();
        ApiClient.Response created = api.mgmt(
                "POST", "/rest/v1/distributionsettypes", "[{\"name\":\"" + key + "-m\",\"key\":\"" + key + "-m\"}]");
        JsonAssert.statusCode(created, 201);
        String base = "/rest/v1/distributionsettypes/"
                + created.json().get(0).get("id").asLong();

        for (String kind : new String[] {"mandatorymoduletypes", "optionalmoduletypes"}) {
            long smType = kind.startsWith("mandatory") ? os : app;
            JsonAssert.statusCode(api.mgmt("POST", base + "/" + kind, "{\"id\":" + smType + "}"), 204);

            ApiClient.Response list = api.mgmt("GET", base + "/" + kind);
            JsonAssert.statusCode(list, 200);
            assertThat(list.json().isArray()).as("a plain list, not a page").isTrue();
            auditedFields(list.json().get(0), SoftwareModuleTypeApiContractTest.TYPE);
            links(list.json().get(0), "self");

            ApiClient.Response one = api.mgmt("GET", base + "/" + kind + "/" + smType);
            JsonAssert.statusCode(one, 200);
            auditedFields(one.json(), SoftwareModuleTypeApiContractTest.TYPE);
            links(one.json(), "self");

            JsonAssert.error(
                    api.mgmt("POST", base + "/" + kind, "{\"id\":999999}"),
                    404,
                    "hawkbit.server.error.repo.entitiyNotFound");
            JsonAssert.statusCode(api.mgmt("DELETE", base + "/" + kind + "/" + smType), 204);
            JsonAssert.error(
                    api.mgmt("GET", base + "/" + kind + "/" + smType),
                    404,
                    "hawkbit.server.error.repo.entitiyNotFound");
        }
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsettypes/999999/mandatorymoduletypes"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void types_badInputRefused() {
        ApiClient api = new ApiClient(port);
        JsonAssert.statusCode(api.mgmt("POST", "/rest/v1/distributionsettypes", "[{\"name\":\"no key\"}]"), 400);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsettypes?q=nope==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
    }

    private static long moduleType(ApiClient api, String key) {
        return api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==" + key)
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
    }
}
