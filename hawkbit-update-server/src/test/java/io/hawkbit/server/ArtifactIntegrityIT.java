package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A stored file that was damaged (same size, other bytes) or deleted behind the server's back answers devices and
 * operators 404 with hawkBit's error body before any byte is sent, is counted in
 * {@code hawkbit.artifact.integrity.failures} and is listed by the {@code artifactIntegrity} health indicator, while
 * the node stays UP and intact artifacts keep downloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArtifactIntegrityIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void damagedAndMissingFiles_answer404AndShowInMetricAndHealth() throws Exception {
        byte[] damaged = S3ArtifactStoreIT.random(100_000, 11);
        byte[] missing = S3ArtifactStoreIT.random(100_000, 12);
        byte[] intact = S3ArtifactStoreIT.random(100_000, 13);
        long module = fixture.module("integrity-" + System.nanoTime(), "1", "os");
        long damagedId =
                fixture.artifact(module, "damaged.bin", damaged).get("id").asLong();
        fixture.artifact(module, "missing.bin", missing);
        fixture.artifact(module, "intact.bin", intact);
        long set = fixture.distributionSet("integrity-set-" + System.nanoTime(), "1", "os", module);
        String device = "integrity-" + System.nanoTime();
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target(device));
        fixture.assign(device, set, "forced");
        String files = "/DEFAULT/controller/v1/" + device + "/softwaremodules/" + module + "/artifacts/";

        assertThat(api.send("GET", files + "damaged.bin", (byte[]) null, auth).body())
                .as("intact before it is damaged (and its verdict cached)")
                .isEqualTo(damaged);
        double damagedBefore = failures("damaged");
        double missingBefore = failures("missing");

        Path damagedFile = file(damaged);
        byte[] flipped = Arrays.copyOf(damaged, damaged.length);
        flipped[50_000] ^= 0x01;
        Files.write(damagedFile, flipped);
        Files.delete(file(missing));

        for (String name : List.of("damaged.bin", "missing.bin")) {
            ApiClient.Response get = api.send("GET", files + name, (byte[]) null, auth);
            assertThat(get.status()).as(name).isEqualTo(404);
            JsonNode error = get.json();
            assertThat(error.get("errorCode").asString()).isEqualTo("hawkbit.server.error.artifact.loadFailed");
            assertThat(error.get("exceptionClass").asString()).isNotBlank();
            assertThat(error.get("message").asString()).contains(name);
            assertThat(api.send("GET", files + name, (byte[]) null, with(auth, "Range", "bytes=0-99"))
                            .status())
                    .as(name + " resumed")
                    .isEqualTo(404);
            assertThat(api.send("HEAD", files + name, (byte[]) null, auth).status())
                    .as(name + " HEAD")
                    .isEqualTo(404);
        }
        assertThat(api.send("GET", files + "intact.bin", (byte[]) null, auth).body())
                .isEqualTo(intact);
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts/" + damagedId + "/download")
                        .status())
                .as("the Management download checks too")
                .isEqualTo(404);

        assertThat(failures("damaged") - damagedBefore).isGreaterThanOrEqualTo(3);
        assertThat(failures("missing") - missingBefore).isGreaterThanOrEqualTo(3);

        JsonNode health = api.mgmt("GET", "/actuator/health").json();
        assertThat(health.get("status").asString())
                .as("one broken file does not take the node down")
                .isEqualTo("UP");
        JsonNode indicator = health.at("/components/artifactIntegrity");
        assertThat(indicator.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(indicator.at("/details/artifacts").toString())
                .contains(S3ArtifactStoreIT.hex("SHA-1", damaged))
                .contains(S3ArtifactStoreIT.hex("SHA-1", missing))
                .doesNotContain(S3ArtifactStoreIT.hex("SHA-1", intact));

        // Repaired: the file is right again, downloads work and the health no longer lists it.
        Files.write(damagedFile, damaged);
        assertThat(api.send("GET", files + "damaged.bin", (byte[]) null, auth).body())
                .isEqualTo(damaged);
        assertThat(api.mgmt("GET", "/actuator/health")
                        .json()
                        .at("/components/artifactIntegrity/details/artifacts")
                        .toString())
                .doesNotContain(S3ArtifactStoreIT.hex("SHA-1", damaged));
    }

    private Path file(byte[] content) {
        String sha1 = S3ArtifactStoreIT.hex("SHA-1", content);
        return artifacts.resolve("DEFAULT").resolve(sha1.substring(0, 2)).resolve(sha1);
    }

    private double failures(String reason) {
        Counter counter = meters.find("hawkbit.artifact.integrity.failures")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        return S3ArtifactStoreIT.with(headers, name, value);
    }
}
