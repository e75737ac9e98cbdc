package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rest/v1/softwaremoduletypes} and {@code /rest/v1/distributionsettypes} with their mandatory and optional
 * module types, on one node: each endpoint's happy path, with a second read of the change.
 */
@MgmtApiTest
class TypeApiIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void softwareModuleType_create_list_get_update_delete() {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremoduletypes",
                "[{\"name\":\"Typeapi Firmware\","
                        + "\"key\":\"typeapi-smt-fw\",\"description\":\"first\",\"colour\":\"#00ff00\",\"maxAssignments\":2},"
                        + "{\"name\":\"Typeapi Other\",\"key\":\"typeapi-smt-other\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode type = created.json().get(0);
        long id = type.get("id").asLong();
        assertThat(type.get("key").asString()).isEqualTo("typeapi-smt-fw");
        assertThat(type.get("name").asString()).isEqualTo("Typeapi Firmware");
        assertThat(type.get("description").asString()).isEqualTo("first");
        assertThat(type.get("colour").asString()).isEqualTo("#00ff00");
        assertThat(type.get("maxAssignments").asInt()).isEqualTo(2);
        assertThat(type.get("minArtifacts").asInt())
                .as("1.1's field; no minimum here")
                .isZero();
        assertThat(type.get("deleted").asBoolean()).isFalse();
        assertThat(type.get("createdBy").asString()).isEqualTo("admin");
        assertThat(type.get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/softwaremoduletypes/" + id);
        assertThat(created.json().get(1).get("maxAssignments").asInt())
                .as("hawkBit's default")
                .isEqualTo(1);

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==typeapi-smt-*&sort=key:ASC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("content").get(0).get("key").asString()).isEqualTo("typeapi-smt-fw");
        ApiClient.Response defaults = api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==os");
        assertThat(defaults.json().get("total").asLong())
                .as("hawkBit's default types exist")
                .isEqualTo(1);

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("key").asString()).isEqualTo("typeapi-smt-fw");
        assertThat(one.json().get("minArtifacts").asInt()).isZero();

        ApiClient.Response updated = api.mgmt(
                "PUT", "/rest/v1/softwaremoduletypes/" + id, "{\"description\":\"changed\",\"colour\":\"#0000ff\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("description").asString()).isEqualTo("changed");
        JsonNode reread = api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + id).json();
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("colour").asString()).isEqualTo("#0000ff");
        assertThat(reread.get("name").asString()).isEqualTo("Typeapi Firmware");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremoduletypes/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==typeapi-smt-*")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void distributionSetType_create_list_get_update_delete() {
        long mandatory = moduleType("typeapi-dst-m");
        long optional = moduleType("typeapi-dst-o");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"Typeapi Set\","
                        + "\"key\":\"typeapi-set\",\"description\":\"first\",\"colour\":\"#123456\","
                        + "\"mandatorymodules\":[{\"id\":" + mandatory + "}],\"optionalmodules\":[{\"id\":" + optional
                        + "}]}]");
        JsonAssert.statusCode(created, 201);
        JsonNode type = created.json().get(0);
        long id = type.get("id").asLong();
        assertThat(type.get("key").asString()).isEqualTo("typeapi-set");
        assertThat(type.get("name").asString()).isEqualTo("Typeapi Set");
        assertThat(type.get("description").asString()).isEqualTo("first");
        assertThat(type.get("colour").asString()).isEqualTo("#123456");
        assertThat(type.get("deleted").asBoolean()).isFalse();
        assertThat(type.get("createdBy").asString()).isEqualTo("admin");

        ApiClient.Response page = api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==typeapi-set");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(1);
        assertThat(page.json().get("content").get(0).get("id").asLong()).isEqualTo(id);

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/distributionsettypes/" + id);
        JsonAssert.statusCode(one, 200);
        JsonNode links = one.json().get("_links");
        assertThat(links.get("self").get("href").asString()).endsWith("/rest/v1/distributionsettypes/" + id);
        assertThat(links.get("mandatorymodules").get("href").asString())
                .endsWith("/rest/v1/distributionsettypes/" + id + "/mandatorymoduletypes");
        assertThat(links.get("optionalmodules").get("href").asString())
                .endsWith("/rest/v1/distributionsettypes/" + id + "/optionalmoduletypes");
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsettypes/" + id + "/mandatorymoduletypes")
                        .json()))
                .containsExactly(mandatory);
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsettypes/" + id + "/optionalmoduletypes")
                        .json()))
                .containsExactly(optional);

        ApiClient.Response updated = api.mgmt(
                "PUT", "/rest/v1/distributionsettypes/" + id, "{\"description\":\"changed\",\"colour\":\"#654321\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("colour").asString()).isEqualTo("#654321");
        JsonNode reread = api.mgmt("GET", "/rest/v1/distributionsettypes/" + id).json();
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("colour").asString()).isEqualTo("#654321");
        assertThat(reread.get("key").asString()).isEqualTo("typeapi-set");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsettypes/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/distributionsettypes/" + id),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==typeapi-set")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void distributionSetType_mandatoryAndOptionalModuleTypes_add_get_remove() {
        long m1 = moduleType("typeapi-mo-m1");
        long m2 = moduleType("typeapi-mo-m2");
        long o1 = moduleType("typeapi-mo-o1");
        long o2 = moduleType("typeapi-mo-o2");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"Typeapi Modules\",\"key\":\"typeapi-mo\",\"mandatorymodules\":[{\"id\":" + m1 + "}]}]");
        JsonAssert.statusCode(created, 201);
        String base = "/rest/v1/distributionsettypes/"
                + created.json().get(0).get("id").asLong();

        JsonAssert.statusCode(api.mgmt("POST", base + "/mandatorymoduletypes", "{\"id\":" + m2 + "}"), 204);
        JsonAssert.statusCode(api.mgmt("POST", base + "/optionalmoduletypes", "{\"id\":" + o1 + "}"), 204);
        JsonAssert.statusCode(api.mgmt("POST", base + "/optionalmoduletypes", "{\"id\":" + o2 + "}"), 204);

        ApiClient.Response mandatory = api.mgmt("GET", base + "/mandatorymoduletypes");
        JsonAssert.statusCode(mandatory, 200);
        assertThat(ids(mandatory.json())).containsExactly(m1, m2);
        ApiClient.Response optional = api.mgmt("GET", base + "/optionalmoduletypes");
        JsonAssert.statusCode(optional, 200);
        assertThat(ids(optional.json())).containsExactly(o1, o2);

        ApiClient.Response oneMandatory = api.mgmt("GET", base + "/mandatorymoduletypes/" + m2);
        JsonAssert.statusCode(oneMandatory, 200);
        assertThat(oneMandatory.json().get("id").asLong()).isEqualTo(m2);
        assertThat(oneMandatory.json().get("key").asString()).isEqualTo("typeapi-mo-m2");
        assertThat(oneMandatory.json().get("_links").get("self").get("href").asString())
                .endsWith("/rest/v1/softwaremoduletypes/" + m2);
        ApiClient.Response oneOptional = api.mgmt("GET", base + "/optionalmoduletypes/" + o1);
        JsonAssert.statusCode(oneOptional, 200);
        assertThat(oneOptional.json().get("key").asString()).isEqualTo("typeapi-mo-o1");
        JsonAssert.error(
                api.mgmt("GET", base + "/optionalmoduletypes/" + m1), 404, "hawkbit.server.error.repo.entitiyNotFound");

        JsonAssert.statusCode(api.mgmt("DELETE", base + "/mandatorymoduletypes/" + m1), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", base + "/optionalmoduletypes/" + o2), 204);
        assertThat(ids(api.mgmt("GET", base + "/mandatorymoduletypes").json())).containsExactly(m2);
        assertThat(ids(api.mgmt("GET", base + "/optionalmoduletypes").json())).containsExactly(o1);
        JsonAssert.error(
                api.mgmt("GET", base + "/mandatorymoduletypes/" + m1),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");

        // As in 1.1, either path removes the module type from whichever list holds it; a type in neither is a 404.
        JsonAssert.statusCode(api.mgmt("DELETE", base + "/optionalmoduletypes/" + m2), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", base + "/mandatorymoduletypes/" + o1), 204);
        assertThat(ids(api.mgmt("GET", base + "/mandatorymoduletypes").json())).isEmpty();
        assertThat(ids(api.mgmt("GET", base + "/optionalmoduletypes").json())).isEmpty();
        JsonAssert.error(
                api.mgmt("DELETE", base + "/optionalmoduletypes/" + m1),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void distributionSetType_optionalModuleType_becomesMandatory() {
        long moving = moduleType("typeapi-move");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"Typeapi Move\",\"key\":\"typeapi-move\",\"optionalmodules\":[{\"id\":" + moving + "}]}]");
        JsonAssert.statusCode(created, 201);
        String base = "/rest/v1/distributionsettypes/"
                + created.json().get(0).get("id").asLong();

        JsonAssert.statusCode(api.mgmt("POST", base + "/mandatorymoduletypes", "{\"id\":" + moving + "}"), 204);
        assertThat(ids(api.mgmt("GET", base + "/mandatorymoduletypes").json())).containsExactly(moving);
        assertThat(ids(api.mgmt("GET", base + "/optionalmoduletypes").json())).isEmpty();
    }

    @Test
    void softwareModuleType_inUseByAModule_isOnlyMarkedDeleted() {
        long type = moduleType("typeapi-used-by-module");
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules",
                        "[{\"name\":\"typeapi-used\",\"version\":\"1\",\"type\":\"typeapi-used-by-module\"}]"),
                201);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremoduletypes/" + type), 204);
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + type);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==typeapi-used-by-module")
                        .json()
                        .get("total")
                        .asLong())
                .as("deleted types are not listed")
                .isZero();
    }

    @Test
    void softwareModuleType_inUseByADistributionSetType_isOnlyMarkedDeleted() {
        long type = moduleType("typeapi-used-by-dst");
        ApiClient.Response setType = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"Typeapi Uses\",\"key\":\"typeapi-uses\",\"optionalmodules\":[{\"id\":" + type + "}]}]");
        JsonAssert.statusCode(setType, 201);
        String base = "/rest/v1/distributionsettypes/"
                + setType.json().get(0).get("id").asLong();

        // As hawkBit: a module type a set type still refers to is marked deleted, not removed.
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremoduletypes/" + type), 204);
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/softwaremoduletypes/" + type);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isTrue();
        assertThat(ids(api.mgmt("GET", base + "/optionalmoduletypes").json())).containsExactly(type);
    }

    @Test
    void distributionSetType_inUseByASet_isOnlyMarkedDeleted() {
        long moduleType = moduleType("typeapi-dst-used-m");
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"Typeapi Used\",\"key\":\"typeapi-dst-used\",\"mandatorymodules\":[{\"id\":" + moduleType
                        + "}]}]");
        JsonAssert.statusCode(created, 201);
        long id = created.json().get(0).get("id").asLong();
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/distributionsets",
                        "[{\"name\":\"typeapi-dst-used\",\"version\":\"1\",\"type\":\"typeapi-dst-used\"}]"),
                201);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/distributionsettypes/" + id), 204);
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/distributionsettypes/" + id);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==typeapi-dst-used")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(ids(api.mgmt("GET", "/rest/v1/distributionsettypes/" + id + "/mandatorymoduletypes")
                        .json()))
                .containsExactly(moduleType);
    }

    private long moduleType(String key) {
        ApiClient.Response created = api.mgmt(
                "POST", "/rest/v1/softwaremoduletypes", "[{\"name\":\"" + key + "\",\"key\":\"" + key + "\"}]");
        JsonAssert.statusCode(created, 201);
        return created.json().get(0).get("id").asLong();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
