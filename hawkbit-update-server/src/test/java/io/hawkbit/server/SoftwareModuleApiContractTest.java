package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.auditedFields;
import static io.hawkbit.server.ContractAssert.fields;
import static io.hawkbit.server.ContractAssert.links;
import static io.hawkbit.server.ContractAssert.pagedList;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code MgmtSoftwareModuleRestApi} (modules and their artifacts), endpoint by endpoint: method and path,
 * status codes, the exact field names of each answer and its link names, as 1.1's {@code MgmtSoftwareModule} and
 * {@code MgmtArtifact} give them. Module metadata has its own test ({@code SoftwareModuleMetadataIT}).
 */
@MgmtApiTest
class SoftwareModuleApiContractTest {

    private static final String[] MODULE = {
        "id",
        "name",
        "description",
        "version",
        "type",
        "typeName",
        "vendor",
        "encrypted",
        "locked",
        "complete",
        "deleted",
        "_links"
    };
    private static final String[] ARTIFACT = {"id", "hashes", "providedFilename", "size", "_links"};

    @LocalServerPort
    int port;

    private final String name = "smc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void modules_createListGetUpdateDelete() {
        ApiClient api = new ApiClient(port);

        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremodules",
                "[{\"name\":\"" + name + "\",\"version\":\"1.0\",\"type\":\"os\",\"vendor\":\"acme\","
                        + "\"description\":\"d\"}]");
        JsonAssert.statusCode(created, 201);
        assertThat(created.json().isArray()).isTrue();
        JsonNode item = created.json().get(0);
        auditedFields(item, MODULE);
        links(item, "self");
        long id = item.get("id").asLong();

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/softwaremodules?q=name==" + name);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        auditedFields(list.json().get("content").get(0), MODULE);
        links(list.json().get("content").get(0), "self");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/softwaremodules/" + id);
        JsonAssert.statusCode(one, 200);
        auditedFields(one.json(), MODULE);
        links(one.json(), "self", "artifacts", "type", "metadata");
        assertThat(one.json().get("encrypted").asBoolean()).isFalse();
        assertThat(one.json().get("locked").asBoolean()).isFalse();
        assertThat(one.json().get("complete").asBoolean()).isTrue();

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/softwaremodules/" + id, "{\"description\":\"new\",\"vendor\":\"other\"}");
        JsonAssert.statusCode(updated, 200);
        auditedFields(updated.json(), MODULE);
        links(updated.json(), "self", "artifacts", "type", "metadata");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremodules/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/softwaremodules/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void modules_nullFieldsAreLeftOut() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremodules",
                "[{\"name\":\"" + name + "-bare\",\"version\":\"1.0\",\"type\":\"os\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode item = created.json().get(0);
        assertThat(item.has("description")).isFalse();
        assertThat(item.has("vendor")).isFalse();
    }

    @Test
    void modules_refuseBadInputWithHawkbitErrors() {
        ApiClient api = new ApiClient(port);
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/softwaremodules", "[{\"version\":\"1.0\",\"type\":\"os\"}]"), 400);
        JsonAssert.statusCode(
                api.mgmt(
                        "POST",
                        "/rest/v1/softwaremodules",
                        "[{\"name\":\"" + name + "-enc\",\"version\":\"1\",\"type\":\"os\",\"encrypted\":true}]"),
                400);
        JsonAssert.error(
                api.mgmt("PUT", "/rest/v1/softwaremodules/999999", "{\"description\":\"x\"}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremodules?q=nope==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
    }

    @Test
    void artifacts_uploadListGetDelete() {
        ApiClient api = new ApiClient(port);
        long module = new Fixture(api).module(name + "-art", "1", "os");
        String base = "/rest/v1/softwaremodules/" + module + "/artifacts";

        ApiClient.Response uploaded =
                api.upload(module, "fw.bin", "firmware".getBytes(StandardCharsets.UTF_8), Map.of());
        JsonAssert.statusCode(uploaded, 201);
        auditedFields(uploaded.json(), ARTIFACT);
        fields(uploaded.json().get("hashes"), "sha1", "md5", "sha256");
        links(uploaded.json(), "self", "download");
        long artifact = uploaded.json().get("id").asLong();

        ApiClient.Response list = api.mgmt("GET", base);
        JsonAssert.statusCode(list, 200);
        assertThat(list.json().isArray()).as("a plain list, not a page").isTrue();
        auditedFields(list.json().get(0), ARTIFACT);
        links(list.json().get(0), "self");
        links(api.mgmt("GET", base + "?representation=full").json().get(0), "self", "download");
        links(api.mgmt("GET", base + "?representation=compact").json().get(0), "self");

        ApiClient.Response one = api.mgmt("GET", base + "/" + artifact);
        JsonAssert.statusCode(one, 200);
        auditedFields(one.json(), ARTIFACT);
        links(one.json(), "self", "download");

        JsonAssert.statusCode(api.mgmt("DELETE", base + "/" + artifact), 204);
        JsonAssert.error(api.mgmt("GET", base + "/" + artifact), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(api.mgmt("DELETE", base + "/" + artifact), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremodules/999999/artifacts"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void artifacts_emptyUploadAndWrongHashAreRefused() {
        ApiClient api = new ApiClient(port);
        long module = new Fixture(api).module(name + "-bad", "1", "os");
        JsonAssert.statusCode(api.upload(module, "empty.bin", new byte[0], Map.of()), 400);
        ApiClient.Response mismatch =
                api.upload(module, "fw.bin", "x".getBytes(StandardCharsets.UTF_8), Map.of("sha1sum", "0".repeat(40)));
        assertThat(mismatch.status()).as(mismatch.text()).isBetween(400, 499);
        JsonAssert.error(
                api.upload(999999, "fw.bin", "x".getBytes(StandardCharsets.UTF_8), Map.of()),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }
}
