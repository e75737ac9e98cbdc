package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code presigned-downloads}: a device's deploymentBase links its artifacts to pre-signed S3 URLs, which serve the
 * bytes (and ranges) without any credentials of the device, so the download never passes through the server. A whole
 * update cycle completes that way; MD5SUM and installedBase links stay on the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class S3PresignedDownloadIT {

    static S3rver s3;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        s3 = S3rver.start();
        s3.register(registry);
        registry.add("hawkbit.artifact.storage.s3.presigned-downloads", () -> "true");
        registry.add("hawkbit.artifact.storage.s3.presigned-expiry", () -> "2m");
        registry.add("hawkbit.artifact.storage.s3.presigned-redirects", () -> "true");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
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
    void deviceCycle_downloadsFromAPresignedLinkWithoutCredentials() {
        byte[] firmware = S3ArtifactStoreIT.random(200_000, 5);
        String sha1 = S3ArtifactStoreIT.hex("SHA-1", firmware);
        long module = fixture.module("presigned-" + System.nanoTime(), "1.0", "os");
        fixture.artifact(module, "update image.swu", firmware);
        long set = fixture.distributionSet("presigned-set-" + System.nanoTime(), "1.0", "os", module);
        String device = "presigned-" + System.nanoTime();
        String token = fixture.target(device);
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + token, "Accept", "application/hal+json");
        String base = "/DEFAULT/controller/v1/" + device;
        long actionId = fixture.assign(device, set, "forced");

        String deploymentHref = api.send("GET", base, (byte[]) null, auth)
                .json()
                .at("/_links/deploymentBase/href")
                .asString();
        JsonNode artifact =
                api.send("GET", deploymentHref, (byte[]) null, auth).json().at("/deployment/chunks/0/artifacts/0");
        String download = artifact.at("/_links/download-http/href").asString();
        assertThat(artifact.at("/_links/download/href").asString()).isEqualTo(download);
        assertThat(download)
                .startsWith(s3.endpoint() + "/" + S3rver.BUCKET + "/DEFAULT/" + sha1 + "?")
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=120");
        assertThat(artifact.at("/_links/md5sum/href").asString())
                .as("MD5SUM stays on the server")
                .startsWith(api.base() + base + "/softwaremodules/" + module + "/artifacts/");

        ApiClient.Response bytes = api.send("GET", download, (byte[]) null, Map.of());
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(firmware);
        assertThat(bytes.header("Content-Disposition")).contains("update%20image.swu");
        ApiClient.Response resumed = api.send("GET", download, (byte[]) null, Map.of("Range", "bytes=150000-"));
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(firmware, 150_000, firmware.length));

        assertThat(feedback(base, actionId, auth, "closed", "success").status()).isEqualTo(200);
        assertThat(api.mgmt("GET", "/rest/v1/targets/" + device + "/actions/" + actionId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("finished");
        JsonNode installed = api.send("GET", base + "/installedBase/" + actionId, (byte[]) null, auth)
                .json();
        assertThat(installed
                        .at("/deployment/chunks/0/artifacts/0/_links/download/href")
                        .asString())
                .as("installedBase is no download: its links stay on the server")
                .startsWith(api.base() + base);
    }

    @Test
    void serverDownloadUrl_redirectsGetsToS3AndAnswersHeadItself() {
        byte[] firmware = S3ArtifactStoreIT.random(80_000, 6);
        long module = fixture.module("redirect-" + System.nanoTime(), "1.0", "os");
        fixture.artifact(module, "fw.swu", firmware);
        long set = fixture.distributionSet("redirect-set-" + System.nanoTime(), "1.0", "os", module);
        String device = "redirect-" + System.nanoTime();
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target(device));
        fixture.assign(device, set, "forced");
        String url = "/DEFAULT/controller/v1/" + device + "/softwaremodules/" + module + "/artifacts/fw.swu";

        ApiClient.Response head = api.send("HEAD", url, (byte[]) null, auth);
        assertThat(head.status())
                .as("SWUpdate's HEAD is answered by the server")
                .isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(firmware.length));

        ApiClient.Response get = api.send("GET", url, (byte[]) null, auth);
        assertThat(get.status()).isEqualTo(307);
        String location = get.header("Location");
        assertThat(location).startsWith(s3.endpoint() + "/" + S3rver.BUCKET + "/DEFAULT/");
        assertThat(api.send("GET", location, (byte[]) null, Map.of()).body()).isEqualTo(firmware);

        assertThat(api.send("GET", url + ".MD5SUM", (byte[]) null, auth).status())
                .as("MD5SUM stays on the server")
                .isEqualTo(200);
    }

    private ApiClient.Response feedback(
            String base, long actionId, Map<String, String> auth, String execution, String finished) {
        Map<String, String> json = new java.util.LinkedHashMap<>(auth);
        json.put("Content-Type", "application/json");
        return api.send(
                "POST",
                base + "/deploymentBase/" + actionId + "/feedback",
                "{\"id\":\"" + actionId + "\",\"status\":{\"execution\":\"" + execution
                        + "\",\"result\":{\"finished\":\"" + finished + "\"}}}",
                json);
    }
}
