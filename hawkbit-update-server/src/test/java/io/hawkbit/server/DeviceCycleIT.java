package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A device goes through a whole update and a cancel over real HTTP, authenticated like devices in the field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeviceCycleIT {

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

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void update_completesThroughPollDownloadWithResumedRangeAndFeedback() throws Exception {
        byte[] firmware = new byte[313_856];
        new Random(7).nextBytes(firmware);
        long module = fixture.module("fw", "1.0.1", "os");
        JsonNode uploaded = fixture.artifact(module, "update.swu", firmware);
        assertThat(uploaded.get("hashes").get("sha1").asString()).isEqualTo(hex("SHA-1", firmware));
        assertThat(uploaded.get("size").asLong()).isEqualTo(firmware.length);
        long set = fixture.distributionSet("fleet-image", "1.0.1", "os", module);
        String token = fixture.target("device-1");
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json");
        String base = "/DEFAULT/controller/v1/device-1";

        ApiClient.Response firstPoll = api.send("GET", base, (byte[]) null, auth);
        assertThat(firstPoll.status()).isEqualTo(200);
        assertThat(firstPoll.json().at("/config/polling/sleep").asString()).isEqualTo("00:05:00");
        assertThat(firstPoll.json().at("/_links/deploymentBase").isMissingNode())
                .isTrue();
        assertThat(firstPoll.json().at("/_links/configData/href").asString()).endsWith(base + "/configData");

        ApiClient.Response configData = api.send(
                "PUT",
                base + "/configData",
                "{\"mode\":\"merge\",\"data\":{\"hwRevision\":\"2\",\"serial\":\"A1\"}}",
                json(auth));
        assertThat(configData.status()).isEqualTo(200);

        long actionId = fixture.assign("device-1", set, "forced");
        JsonNode poll = api.send("GET", base, (byte[]) null, auth).json();
        assertThat(poll.at("/_links/configData").isMissingNode()).isTrue();
        String deploymentHref = poll.at("/_links/deploymentBase/href").asString();
        assertThat(deploymentHref).startsWith(api.base() + base + "/deploymentBase/" + actionId + "?c=");
        String between = deploymentHref.substring(deploymentHref.lastIndexOf('/') + 1, deploymentHref.indexOf('?'));
        assertThat(between).isEqualTo(String.valueOf(actionId));

        ApiClient.Response deployment = api.send("GET", deploymentHref, (byte[]) null, auth);
        assertThat(deployment.status()).isEqualTo(200);
        JsonNode body = deployment.json();
        assertThat(body.get("id").isString())
                .as("rauc-hawkbit-updater needs a string id")
                .isTrue();
        assertThat(body.get("id").asString()).isEqualTo(String.valueOf(actionId));
        assertThat(body.at("/deployment/download").asString()).isEqualTo("forced");
        assertThat(body.at("/deployment/update").asString()).isEqualTo("forced");
        JsonNode chunk = body.at("/deployment/chunks/0");
        assertThat(chunk.get("part").asString()).isEqualTo("os");
        assertThat(chunk.get("version").asString()).isEqualTo("1.0.1");
        assertThat(chunk.get("name").asString()).isEqualTo("fw");
        JsonNode artifact = chunk.at("/artifacts/0");
        assertThat(artifact.get("filename").asString()).isEqualTo("update.swu");
        assertThat(artifact.get("size").isIntegralNumber()).isTrue();
        assertThat(artifact.at("/hashes/sha1").asString()).isEqualTo(hex("SHA-1", firmware));
        assertThat(artifact.at("/hashes/md5").asString()).isEqualTo(hex("MD5", firmware));
        assertThat(artifact.at("/hashes/sha256").asString()).isEqualTo(hex("SHA-256", firmware));
        String download = artifact.at("/_links/download-http/href").asString();
        assertThat(artifact.at("/_links/download/href").asString()).isEqualTo(download);

        // The same path answers with another c value, and with none.
        assertThat(api.send("GET", base + "/deploymentBase/" + actionId + "?c=other", (byte[]) null, auth)
                        .status())
                .isEqualTo(200);
        assertThat(api.send("GET", base + "/deploymentBase/" + actionId, (byte[]) null, auth)
                        .status())
                .isEqualTo(200);

        ApiClient.Response head = api.send("HEAD", download, (byte[]) null, auth);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(firmware.length));

        assertThat(feedback(base, actionId, auth, "proceeding", "none").status())
                .isEqualTo(200);

        // A download cut after 100000 bytes, resumed with an open-ended range.
        ApiClient.Response part1 = api.send("GET", download, (byte[]) null, with(auth, "Range", "bytes=0-99999"));
        assertThat(part1.status()).isEqualTo(206);
        assertThat(part1.header("Content-Range")).isEqualTo("bytes 0-99999/" + firmware.length);
        ApiClient.Response part2 = api.send("GET", download, (byte[]) null, with(auth, "Range", "bytes=100000-"));
        assertThat(part2.status()).isEqualTo(206);
        assertThat(part2.header("Content-Range"))
                .isEqualTo("bytes 100000-" + (firmware.length - 1) + "/" + firmware.length);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(part1.body());
        joined.writeBytes(part2.body());
        assertThat(joined.toByteArray()).isEqualTo(firmware);

        ApiClient.Response md5sum = api.send("GET", download + ".MD5SUM", (byte[]) null, auth);
        assertThat(md5sum.status()).isEqualTo(200);
        assertThat(md5sum.text().trim()).isEqualTo(hex("MD5", firmware) + "  update.swu");

        assertThat(feedback(base, actionId, auth, "closed", "success").status()).isEqualTo(200);

        JsonNode after = api.send("GET", base, (byte[]) null, auth).json();
        assertThat(after.at("/_links/deploymentBase").isMissingNode()).isTrue();
        String installed = after.at("/_links/installedBase/href").asString();
        assertThat(installed).endsWith(base + "/installedBase/" + actionId);
        ApiClient.Response installedBase = api.send("GET", installed, (byte[]) null, auth);
        assertThat(installedBase.status()).isEqualTo(200);
        assertThat(installedBase.json().get("id").asString()).isEqualTo(String.valueOf(actionId));
        assertThat(after.at("/_links/configData").isMissingNode())
                .as("hawkBit asks for attributes again after an update")
                .isFalse();

        assertThat(feedback(base, actionId, auth, "closed", "success").status())
                .as("feedback on a closed action")
                .isEqualTo(410);

        JsonNode target = api.mgmt("GET", "/rest/v1/targets/device-1").json();
        assertThat(target.get("updateStatus").asString()).isEqualTo("in_sync");
        assertThat(api.mgmt("GET", "/rest/v1/targets/device-1/installedDS")
                        .json()
                        .get("id")
                        .asLong())
                .isEqualTo(set);
        JsonNode action =
                api.mgmt("GET", "/rest/v1/targets/device-1/actions/" + actionId).json();
        assertThat(action.get("status").asString()).isEqualTo("finished");
        assertThat(action.get("active").asBoolean()).isFalse();
        JsonNode attributes =
                api.mgmt("GET", "/rest/v1/targets/device-1/attributes").json();
        assertThat(attributes.get("serial").asString()).isEqualTo("A1");
    }

    @Test
    void cancel_isOfferedToAGatewayRegisteredDeviceAndConfirmed() {
        fixture.config("authentication.gatewaytoken.enabled", "true");
        fixture.config("authentication.gatewaytoken.key", "\"gw-secret\"");
        Map<String, String> gateway = Map.of("Authorization", "GatewayToken gw-secret");
        String base = "/DEFAULT/controller/v1/gw-device";

        ApiClient.Response registration = api.send("GET", base, (byte[]) null, gateway);
        assertThat(registration.status()).isEqualTo(200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/gw-device")
                        .json()
                        .get("updateStatus")
                        .asString())
                .isEqualTo("registered");

        long module = fixture.module("app", "2.0", "application");
        fixture.artifact(module, "app.bin", new byte[] {1, 2, 3});
        long set = fixture.distributionSet("apps", "2.0", "app", module);
        long actionId = fixture.assign("gw-device", set, "soft");
        JsonNode deployment = api.send("GET", base + "/deploymentBase/" + actionId, (byte[]) null, gateway)
                .json();
        assertThat(deployment.at("/deployment/download").asString()).isEqualTo("attempt");
        assertThat(deployment.at("/deployment/chunks/0/part").asString()).isEqualTo("bApp");

        assertThat(api.mgmt("DELETE", "/rest/v1/targets/gw-device/actions/" + actionId)
                        .status())
                .isEqualTo(204);
        JsonNode poll = api.send("GET", base, (byte[]) null, gateway).json();
        assertThat(poll.at("/_links/deploymentBase").isMissingNode()).isTrue();
        assertThat(poll.at("/_links/cancelAction/href").asString()).endsWith(base + "/cancelAction/" + actionId);

        JsonNode cancel = api.send("GET", base + "/cancelAction/" + actionId, (byte[]) null, gateway)
                .json();
        assertThat(cancel.get("id").asString()).isEqualTo(String.valueOf(actionId));
        assertThat(cancel.at("/cancelAction/stopId").asString()).isEqualTo(String.valueOf(actionId));

        ApiClient.Response confirmed = api.send(
                "POST",
                base + "/cancelAction/" + actionId + "/feedback",
                "{\"id\":\"" + actionId
                        + "\",\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"success\"}}}",
                json(gateway));
        assertThat(confirmed.status()).isEqualTo(200);
        JsonNode after = api.send("GET", base, (byte[]) null, gateway).json();
        assertThat(after.at("/_links/cancelAction").isMissingNode()).isTrue();
        assertThat(after.at("/_links/deploymentBase").isMissingNode()).isTrue();
        JsonNode action = api.mgmt("GET", "/rest/v1/targets/gw-device/actions/" + actionId)
                .json();
        assertThat(action.get("status").asString()).isEqualTo("canceled");
        assertThat(action.get("active").asBoolean()).isFalse();
    }

    private ApiClient.Response feedback(
            String base, long actionId, Map<String, String> auth, String execution, String finished) {
        return api.send(
                "POST",
                base + "/deploymentBase/" + actionId + "/feedback",
                "{\"id\":" + actionId
                        + ",\"time\":\"20261125T120000\",\"status\":{\"execution\":\"" + execution
                        + "\",\"result\":{\"finished\":\""
                        + finished + "\",\"progress\":{\"cnt\":1,\"of\":2}},\"details\":[\"step\"],\"code\":null}}",
                json(auth));
    }

    private static Map<String, String> json(Map<String, String> headers) {
        return with(headers, "Content-Type", "application/json");
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
