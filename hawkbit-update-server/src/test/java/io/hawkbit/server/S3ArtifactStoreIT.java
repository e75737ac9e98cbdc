package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * The S3 artifact store against a real S3-compatible server (s3rver): uploads through the Management API land in the
 * bucket as {@code <tenant>/<sha1>}, downloads (whole, ranges, HEAD, If-Range) are served from ranged GETs, equal
 * content is stored once and removed with its last artifact, large files go up in parts, and a missing object answers
 * devices 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class S3ArtifactStoreIT {

    static S3rver s3;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        s3 = S3rver.start();
        s3.register(registry);
        // Small parts keep the multipart test quick; S3's minimum part is 5 MB.
        registry.add("hawkbit.artifact.storage.s3.multipart-threshold", () -> "6MB");
        registry.add("hawkbit.artifact.storage.s3.part-size", () -> "5MB");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
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
    void upload_landsInTheBucketAndDownloadsServeRangesHeadAndIfRangeFromIt() throws Exception {
        byte[] content = random(300_000, 1);
        long module = fixture.module("s3-roundtrip-" + System.nanoTime(), "1", "os");
        JsonNode artifact = fixture.artifact(module, "fw.bin", content);
        String sha1 = hex("SHA-1", content);
        assertThat(artifact.at("/hashes/sha1").asString()).isEqualTo(sha1);
        try (S3Client bucket = s3.client()) {
            assertThat(keys(bucket)).contains("DEFAULT/" + sha1);
            assertThat(bucket.getObjectAsBytes(r -> r.bucket(S3rver.BUCKET).key("DEFAULT/" + sha1))
                            .asByteArray())
                    .isEqualTo(content);
        }
        String download = "/rest/v1/softwaremodules/" + module + "/artifacts/"
                + artifact.get("id").asLong() + "/download";
        Map<String, String> admin = Map.of("Authorization", ApiClient.basic("admin", "admin"));

        ApiClient.Response whole = api.send("GET", download, (byte[]) null, admin);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(content);

        ApiClient.Response head = api.send("HEAD", download, (byte[]) null, admin);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(content.length));

        ApiClient.Response range = api.send("GET", download, (byte[]) null, with(admin, "Range", "bytes=1000-1999"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 1000-1999/" + content.length);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 2000));

        ApiClient.Response tail = api.send("GET", download, (byte[]) null, with(admin, "Range", "bytes=-10"));
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 10, content.length));

        ApiClient.Response twoParts =
                api.send("GET", download, (byte[]) null, with(admin, "Range", "bytes=0-9,100-109"));
        assertThat(twoParts.status()).isEqualTo(206);
        assertThat(twoParts.header("Content-Type")).startsWith("multipart/byteranges");

        Map<String, String> ranged = with(admin, "Range", "bytes=1000-1999");
        ApiClient.Response sameVersion =
                api.send("GET", download, (byte[]) null, with(ranged, "If-Range", "\"" + sha1 + "\""));
        assertThat(sameVersion.status()).isEqualTo(206);
        ApiClient.Response otherVersion =
                api.send("GET", download, (byte[]) null, with(ranged, "If-Range", "\"" + "0".repeat(40) + "\""));
        assertThat(otherVersion.status())
                .as("If-Range naming another version: the whole file")
                .isEqualTo(200);
        assertThat(otherVersion.body()).isEqualTo(content);
    }

    @Test
    void equalContent_isStoredOnceAndRemovedWithItsLastArtifact() {
        byte[] content = random(50_000, 2);
        String key = "DEFAULT/" + hex("SHA-1", content);
        long first = fixture.module("s3-dedup-a-" + System.nanoTime(), "1", "os");
        long second = fixture.module("s3-dedup-b-" + System.nanoTime(), "1", "os");
        long firstArtifact = fixture.artifact(first, "a.bin", content).get("id").asLong();
        long secondArtifact =
                fixture.artifact(second, "b.bin", content).get("id").asLong();
        try (S3Client bucket = s3.client()) {
            assertThat(keys(bucket).stream().filter(key::equals)).hasSize(1);

            assertThat(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + first + "/artifacts/" + firstArtifact)
                            .status())
                    .isEqualTo(204);
            assertThat(keys(bucket)).as("still used by the second module").contains(key);

            assertThat(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + second + "/artifacts/" + secondArtifact)
                            .status())
                    .isEqualTo(204);
            assertThat(keys(bucket)).as("the last artifact is gone").doesNotContain(key);
        }
    }

    @Test
    void largeUpload_goesUpInPartsAndComesBackWhole() throws Exception {
        byte[] content = random(20 * 1024 * 1024, 3);
        double multipartBefore = uploads("multipart");
        double singleBefore = uploads("single");
        long module = fixture.module("s3-large-" + System.nanoTime(), "1", "os");
        JsonNode artifact = fixture.artifact(module, "big.img", content);
        // s3rver does not tag objects put together from parts as S3 does ("-<parts>"): the store counts them.
        assertThat(uploads("multipart") - multipartBefore).isEqualTo(1);
        assertThat(uploads("single") - singleBefore).isZero();
        try (S3Client bucket = s3.client()) {
            assertThat(bucket.headObject(r -> r.bucket(S3rver.BUCKET).key("DEFAULT/" + hex("SHA-1", content)))
                            .contentLength())
                    .isEqualTo(content.length);
        }
        ApiClient.Response download = api.send(
                "GET",
                "/rest/v1/softwaremodules/" + module + "/artifacts/"
                        + artifact.get("id").asLong() + "/download",
                (byte[]) null,
                Map.of("Authorization", ApiClient.basic("admin", "admin")));
        assertThat(download.status()).isEqualTo(200);
        assertThat(hex("SHA-256", download.body())).isEqualTo(hex("SHA-256", content));
    }

    @Test
    void missingObject_answersTheDevice404WithHawkbitsErrorBody() {
        byte[] content = random(10_000, 4);
        long module = fixture.module("s3-missing-" + System.nanoTime(), "1", "os");
        fixture.artifact(module, "gone.bin", content);
        long set = fixture.distributionSet("s3-missing-set-" + System.nanoTime(), "1", "os", module);
        String device = "s3-missing-" + System.nanoTime();
        String token = fixture.target(device);
        fixture.assign(device, set, "forced");
        try (S3Client bucket = s3.client()) {
            bucket.deleteObject(r -> r.bucket(S3rver.BUCKET).key("DEFAULT/" + hex("SHA-1", content)));
        }
        ApiClient.Response answer = api.send(
                "GET",
                "/DEFAULT/controller/v1/" + device + "/softwaremodules/" + module + "/artifacts/gone.bin",
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + token));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.artifact.loadFailed");
        assertThat(answer.json().get("exceptionClass").asString()).isNotBlank();
        assertThat(answer.json().get("message").asString()).contains("gone.bin");
    }

    double uploads(String kind) {
        var counter =
                meters.find("hawkbit.artifact.s3.uploads").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    static List<String> keys(S3Client bucket) {
        return bucket.listObjectsV2Paginator(r -> r.bucket(S3rver.BUCKET)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed + System.nanoTime()).nextBytes(bytes);
        return bytes;
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
