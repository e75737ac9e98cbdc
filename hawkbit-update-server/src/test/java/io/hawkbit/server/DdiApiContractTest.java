package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.fields;
import static io.hawkbit.server.ContractAssert.links;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code DdiRootControllerRestApi}, for the endpoints this server has (the confirmation flow is pinned
 * by ConfirmationFlowIT; no {@code PUT installedBase}): method and path, status codes, the exact field names of {@code DdiControllerBase},
 * {@code DdiDeploymentBase} (with its chunks and artifacts), {@code DdiCancel} and the link names devices follow.
 */
@MgmtApiTest
class DdiApiContractTest {

    private static final String[] ARTIFACT_LINKS = {"download", "download-http", "md5sum", "md5sum-http"};

    @LocalServerPort
    int port;

    ApiClient api;
    Fixture fixture;
    String controllerId;
    String base;
    Map<String, String> auth;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
        controllerId = "ddic-" + System.nanoTime();
        auth = Map.of("Authorization", "TargetToken " + fixture.target(controllerId), "Accept", "application/hal+json");
        base = "/DEFAULT/controller/v1/" + controllerId;
    }

    @Test
    void poll_fieldsAndLinks() {
        ApiClient.Response first = get(base);
        JsonAssert.statusCode(first, 200);
        fields(first.json(), "config", "_links");
        fields(first.json().get("config"), "polling");
        fields(first.json().get("config").get("polling"), "sleep");
        assertThat(first.json().get("config").get("polling").get("sleep").asString())
                .matches("\\d\\d:\\d\\d:\\d\\d");
        links(first.json(), "configData");

        JsonAssert.statusCode(
                api.send(
                        "PUT",
                        base + "/configData",
                        "{\"mode\":\"merge\",\"data\":{\"hw\":\"1\"}}",
                        DeviceCycleIT.with(auth, "Content-Type", "application/json")),
                200);
        JsonNode idle = get(base).json();
        assertThat(idle.has("_links")).as("nothing to do: no links").isFalse();
        fields(idle, "config");
    }

    @Test
    void deployment_feedback_installedBase() {
        long module = fixture.module("ddic-" + controllerId, "1", "os");
        fixture.artifact(module, "fw.bin", "firmware".getBytes(StandardCharsets.UTF_8));
        long action = fixture.assign(
                controllerId, fixture.distributionSet("ddic-" + controllerId, "1", "os", module), "forced");

        JsonNode poll = get(base).json();
        links(poll, "deploymentBase", "configData");
        String deploymentHref =
                poll.get("_links").get("deploymentBase").get("href").asString();
        assertThat(deploymentHref).contains("/deploymentBase/" + action + "?c=");

        ApiClient.Response deployment = get(deploymentHref);
        JsonAssert.statusCode(deployment, 200);
        assertDeploymentBase(deployment.json(), action);

        ApiClient.Response artifacts = get(base + "/softwaremodules/" + module + "/artifacts");
        JsonAssert.statusCode(artifacts, 200);
        assertThat(artifacts.json().isArray()).isTrue();
        assertArtifact(artifacts.json().get(0));

        ApiClient.Response file = get(base + "/softwaremodules/" + module + "/artifacts/fw.bin");
        JsonAssert.statusCode(file, 200);
        assertThat(file.text()).isEqualTo("firmware");
        ApiClient.Response md5 = get(base + "/softwaremodules/" + module + "/artifacts/fw.bin.MD5SUM");
        JsonAssert.statusCode(md5, 200);
        assertThat(md5.text()).endsWith("  fw.bin");

        JsonAssert.statusCode(feedback("/deploymentBase/" + action + "/feedback", "closed", "success"), 200);
        JsonNode after = get(base).json();
        // configData too: a finished update asks the device for its attributes again, as hawkBit does.
        links(after, "installedBase", "configData");
        ApiClient.Response installed =
                get(after.get("_links").get("installedBase").get("href").asString());
        JsonAssert.statusCode(installed, 200);
        assertDeploymentBase(installed.json(), action);

        JsonAssert.statusCode(feedback("/deploymentBase/" + action + "/feedback", "proceeding", "none"), 410);
        JsonAssert.statusCode(get(base + "/deploymentBase/999999"), 404);
        JsonAssert.statusCode(feedback("/deploymentBase/999999/feedback", "proceeding", "none"), 404);
    }

    @Test
    void cancel_fieldsAndFeedback() {
        long module = fixture.module("ddix-" + controllerId, "1", "os");
        long action = fixture.assign(
                controllerId, fixture.distributionSet("ddix-" + controllerId, "1", "os", module), "forced");
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targets/" + controllerId + "/actions/" + action), 204);

        JsonNode poll = get(base).json();
        assertThat(ContractAssert.names(poll.get("_links"))).contains("cancelAction");
        ApiClient.Response cancel =
                get(poll.get("_links").get("cancelAction").get("href").asString());
        JsonAssert.statusCode(cancel, 200);
        fields(cancel.json(), "id", "cancelAction");
        fields(cancel.json().get("cancelAction"), "stopId");
        assertThat(cancel.json().get("id").asString()).isEqualTo(String.valueOf(action));
        assertThat(cancel.json().get("cancelAction").get("stopId").asString()).isEqualTo(String.valueOf(action));

        JsonAssert.statusCode(feedback("/cancelAction/" + action + "/feedback", "closed", "success"), 200);
        JsonNode after = get(base).json();
        assertThat(after.has("_links") ? ContractAssert.names(after.get("_links")) : java.util.Set.of())
                .doesNotContain("cancelAction", "deploymentBase");
        JsonAssert.statusCode(get(base + "/cancelAction/999999"), 404);
    }

    @Test
    void unauthenticated_is401() {
        JsonAssert.statusCode(api.send("GET", base, (byte[]) null, Map.of()), 401);
    }

    private void assertDeploymentBase(JsonNode body, long action) {
        fields(body, "id", "deployment");
        assertThat(body.get("id").asString()).isEqualTo(String.valueOf(action));
        fields(body.get("deployment"), "download", "update", "chunks");
        JsonNode chunk = body.get("deployment").get("chunks").get(0);
        fields(chunk, "part", "version", "name", "artifacts");
        assertArtifact(chunk.get("artifacts").get(0));
    }

    private static void assertArtifact(JsonNode artifact) {
        fields(artifact, "filename", "hashes", "size", "_links");
        fields(artifact.get("hashes"), "sha1", "md5", "sha256");
        links(artifact, ARTIFACT_LINKS);
    }

    private ApiClient.Response get(String path) {
        return api.send("GET", path, (byte[]) null, auth);
    }

    private ApiClient.Response feedback(String path, String execution, String finished) {
        return api.send(
                "POST",
                base + path,
                "{\"status\":{\"execution\":\"" + execution + "\",\"result\":{\"finished\":\"" + finished + "\"}}}",
                DeviceCycleIT.with(auth, "Content-Type", "application/json"));
    }
}
