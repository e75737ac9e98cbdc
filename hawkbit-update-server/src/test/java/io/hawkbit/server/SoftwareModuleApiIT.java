package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.softwaremodule.ArtifactStore;
import io.hawkbit.repository.softwaremodule.FileArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /rest/v1/softwaremodules} and their artifacts on one node: each endpoint's happy path, with a second read. */
@MgmtApiTest
class SoftwareModuleApiIT {

    @LocalServerPort
    int port;

    @Autowired
    ArtifactStore store;

    ApiClient api;
    Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        fixture = new Fixture(api);
    }

    @Test
    void create_list_get_update_delete() {
        ApiClient.Response created = api.mgmt(
                "POST",
                "/rest/v1/softwaremodules",
                "[{\"name\":\"smapi-crud\",\"version\":\"1.0\","
                        + "\"type\":\"application\",\"vendor\":\"acme\",\"description\":\"first\"},"
                        + "{\"name\":\"smapi-crud\",\"version\":\"2.0\",\"type\":\"application\"}]");
        JsonAssert.statusCode(created, 201);
        JsonNode module = created.json().get(0);
        long id = module.get("id").asLong();
        assertThat(module.get("name").asString()).isEqualTo("smapi-crud");
        assertThat(module.get("version").asString()).isEqualTo("1.0");
        assertThat(module.get("type").asString()).isEqualTo("application");
        assertThat(module.get("typeName").asString()).isEqualTo("Application");
        assertThat(module.get("vendor").asString()).isEqualTo("acme");
        assertThat(module.get("description").asString()).isEqualTo("first");
        assertThat(module.get("deleted").asBoolean()).isFalse();
        // 1.1's computed flags: no encryption here, no module lock, no minimum artifact count
        assertThat(module.get("encrypted").asBoolean()).isFalse();
        assertThat(module.get("locked").asBoolean()).isFalse();
        assertThat(module.get("complete").asBoolean())
                .as("0 artifacts, minArtifacts 0")
                .isTrue();
        assertThat(module.get("createdBy").asString()).isEqualTo("admin");
        assertThat(module.get("_links").get("self").get("href").asString()).endsWith("/rest/v1/softwaremodules/" + id);

        ApiClient.Response page =
                api.mgmt("GET", "/rest/v1/softwaremodules?q=name==smapi-crud;type==application&sort=version:DESC");
        JsonAssert.statusCode(page, 200);
        assertThat(page.json().get("total").asLong()).isEqualTo(2);
        assertThat(page.json().get("content").get(0).get("version").asString()).isEqualTo("2.0");
        assertThat(page.json().get("content").get(0).get("complete").asBoolean())
                .isTrue();
        assertThat(page.json().get("content").get(0).has("encrypted")).isTrue();

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/softwaremodules/" + id);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("vendor").asString()).isEqualTo("acme");
        assertThat(one.json().get("locked").asBoolean()).isFalse();
        assertThat(one.json().get("_links").get("artifacts").get("href").asString())
                .endsWith("/rest/v1/softwaremodules/" + id + "/artifacts");
        assertThat(one.json().get("_links").get("type").get("href").asString())
                .contains("/rest/v1/softwaremoduletypes/");

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/softwaremodules/" + id, "{\"description\":\"changed\",\"vendor\":\"emca\"}");
        JsonAssert.statusCode(updated, 200);
        assertThat(updated.json().get("vendor").asString()).isEqualTo("emca");
        JsonNode reread = api.mgmt("GET", "/rest/v1/softwaremodules/" + id).json();
        assertThat(reread.get("description").asString()).isEqualTo("changed");
        assertThat(reread.get("vendor").asString()).isEqualTo("emca");
        assertThat(reread.get("version").asString()).isEqualTo("1.0");

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/softwaremodules/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules?q=name==smapi-crud")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void artifact_upload_list_get_download_delete() throws Exception {
        long module = fixture.module("smapi-art", "1", "application");
        byte[] content = "firmware image for the artifact endpoints".getBytes(StandardCharsets.UTF_8);
        String sha1 = hex("SHA-1", content);

        ApiClient.Response uploaded = api.upload(module, "image.bin", content, Map.of("sha1sum", sha1));
        JsonAssert.statusCode(uploaded, 201);
        JsonNode artifact = uploaded.json();
        long id = artifact.get("id").asLong();
        assertThat(artifact.get("providedFilename").asString()).isEqualTo("image.bin");
        assertThat(artifact.get("size").asLong()).isEqualTo(content.length);
        assertThat(artifact.get("hashes").get("sha1").asString()).isEqualTo(sha1);
        assertThat(artifact.get("hashes").get("md5").asString()).isEqualTo(hex("MD5", content));
        assertThat(artifact.get("hashes").get("sha256").asString()).isEqualTo(hex("SHA-256", content));
        String self = "/rest/v1/softwaremodules/" + module + "/artifacts/" + id;
        assertThat(artifact.get("_links").get("self").get("href").asString()).endsWith(self);
        assertThat(artifact.get("_links").get("download").get("href").asString())
                .endsWith(self + "/download");

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts");
        JsonAssert.statusCode(list, 200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.json().get(0).get("providedFilename").asString()).isEqualTo("image.bin");

        ApiClient.Response one = api.mgmt("GET", self);
        JsonAssert.statusCode(one, 200);
        assertThat(one.json().get("hashes").get("sha1").asString()).isEqualTo(sha1);
        assertThat(one.json().get("size").asLong()).isEqualTo(content.length);

        ApiClient.Response download = api.send(
                "GET", self + "/download", (byte[]) null, Map.of("Authorization", ApiClient.basic("admin", "admin")));
        JsonAssert.statusCode(download, 200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition"))
                .contains("attachment")
                .contains("image.bin");

        Path file = ((FileArtifactStore) store).path("DEFAULT", sha1);
        assertThat(file).exists();
        JsonAssert.statusCode(api.mgmt("DELETE", self), 204);
        JsonAssert.error(api.mgmt("GET", self), 404, "hawkbit.server.error.repo.entitiyNotFound");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts")
                        .json()
                        .size())
                .isZero();
        assertThat(file)
                .as("the last artifact with this content is gone, so is its file")
                .doesNotExist();
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/softwaremodules/" + module), 200);
    }

    /** As hawkBit's download: ETag, Last-Modified, ranges (206, multipart, 416), If-Range, If-Match (412). */
    @Test
    void artifactDownload_answersAsHawkbitWithRangesAndPreconditions() throws Exception {
        long module = fixture.module("smapi-dl", "1", "application");
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        String sha1 = hex("SHA-1", content);
        long id = fixture.artifact(module, "dl.bin", content).get("id").asLong();
        String path = "/rest/v1/softwaremodules/" + module + "/artifacts/" + id + "/download";
        String auth = ApiClient.basic("admin", "admin");

        ApiClient.Response whole = api.send("GET", path, (byte[]) null, Map.of("Authorization", auth));
        JsonAssert.statusCode(whole, 200);
        assertThat(whole.header("ETag")).isEqualTo("\"" + sha1 + "\"");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(whole.header("Last-Modified")).isNotBlank();
        assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(content.length));

        ApiClient.Response part =
                api.send("GET", path, (byte[]) null, Map.of("Authorization", auth, "Range", "bytes=2-5"));
        JsonAssert.statusCode(part, 206);
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("2345");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 2-5/20");

        ApiClient.Response parts =
                api.send("GET", path, (byte[]) null, Map.of("Authorization", auth, "Range", "bytes=0-1,10-11"));
        JsonAssert.statusCode(parts, 206);
        assertThat(parts.header("Content-Type")).startsWith("multipart/byteranges");
        assertThat(new String(parts.body(), StandardCharsets.UTF_8))
                .contains("Content-Range: bytes 0-1/20")
                .contains("Content-Range: bytes 10-11/20");

        ApiClient.Response unsatisfiable =
                api.send("GET", path, (byte[]) null, Map.of("Authorization", auth, "Range", "bytes=50-60"));
        JsonAssert.statusCode(unsatisfiable, 416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */20");

        // If-Range naming another version: the whole file instead of the range.
        ApiClient.Response stale = api.send(
                "GET", path, (byte[]) null, Map.of("Authorization", auth, "Range", "bytes=2-5", "If-Range", "\"x\""));
        JsonAssert.statusCode(stale, 200);
        assertThat(stale.body()).isEqualTo(content);
        // hawkBit sends its ETag unquoted; echoing it back keeps the range.
        ApiClient.Response bare = api.send(
                "GET", path, (byte[]) null, Map.of("Authorization", auth, "Range", "bytes=2-5", "If-Range", sha1));
        JsonAssert.statusCode(bare, 206);

        JsonAssert.statusCode(
                api.send("GET", path, (byte[]) null, Map.of("Authorization", auth, "If-Match", "\"other\"")), 412);
        ApiClient.Response matching =
                api.send("GET", path, (byte[]) null, Map.of("Authorization", auth, "If-Match", sha1));
        JsonAssert.statusCode(matching, 200);
        assertThat(matching.body()).isEqualTo(content);

        JsonAssert.error(
                api.send(
                        "GET",
                        "/rest/v1/softwaremodules/" + module + "/artifacts/" + (id + 100_000) + "/download",
                        (byte[]) null,
                        Map.of("Authorization", auth)),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void artifactDelete_keepsTheFileWhileAnotherArtifactSharesIt() {
        long first = fixture.module("smapi-share-a", "1", "application");
        long second = fixture.module("smapi-share-b", "1", "application");
        byte[] content = "one binary in two modules".getBytes(StandardCharsets.UTF_8);
        long a = fixture.artifact(first, "shared.bin", content).get("id").asLong();
        JsonNode b = fixture.artifact(second, "shared.bin", content);
        Path file = ((FileArtifactStore) store)
                .path("DEFAULT", b.get("hashes").get("sha1").asString());

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + first + "/artifacts/" + a), 204);
        assertThat(file).exists();
        ApiClient.Response download = api.send(
                "GET",
                "/rest/v1/softwaremodules/" + second + "/artifacts/"
                        + b.get("id").asLong() + "/download",
                (byte[]) null,
                Map.of("Authorization", ApiClient.basic("admin", "admin")));
        JsonAssert.statusCode(download, 200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void moduleDelete_removesItsArtifactFiles() {
        long module = fixture.module("smapi-del-files", "1", "application");
        JsonNode artifact = fixture.artifact(
                module, "gone.bin", "bytes of a module that goes away".getBytes(StandardCharsets.UTF_8));
        Path file = ((FileArtifactStore) store)
                .path("DEFAULT", artifact.get("hashes").get("sha1").asString());
        assertThat(file).exists();

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + module), 204);
        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/softwaremodules/" + module), 404);
        assertThat(file).doesNotExist();
    }

    @Test
    void moduleDelete_ofAModuleInASet_onlyMarksItDeleted() {
        long module = fixture.module("smapi-del-inset", "1", "os");
        long set = fixture.distributionSet("smapi-del-inset", "1", "os", module);

        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/softwaremodules/" + module), 204);
        ApiClient.Response kept = api.mgmt("GET", "/rest/v1/softwaremodules/" + module);
        JsonAssert.statusCode(kept, 200);
        assertThat(kept.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules?q=name==smapi-del-inset")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(api.mgmt("GET", "/rest/v1/distributionsets/" + set + "/assignedSM")
                        .json()
                        .get("content")
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(module);
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
