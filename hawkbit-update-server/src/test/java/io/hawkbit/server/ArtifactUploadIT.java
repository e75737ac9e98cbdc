package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.softwaremodule.ArtifactStore;
import io.hawkbit.repository.softwaremodule.FileArtifactStore;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Artifact uploads: a refused or rolled-back upload leaves no file in the store; only plain file names are taken. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArtifactUploadIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    SoftwareModuleService modules;

    @Autowired
    ArtifactStore store;

    @Autowired
    TransactionTemplate transactions;

    ApiClient api;
    long module;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        module = new Fixture(api).module("upload-" + System.nanoTime(), "1", "os");
    }

    @Test
    void upload_refusedForAChecksumMismatch_leavesNoFileInTheStore() {
        Set<Path> before = storedFiles();
        Map<String, Integer> hexLengths = Map.of("sha1sum", 40, "md5sum", 32, "sha256sum", 64);
        for (var field : hexLengths.entrySet()) {
            ApiClient.Response refused = api.upload(
                    module,
                    "w.bin",
                    ("wrong " + field.getKey()).getBytes(StandardCharsets.UTF_8),
                    Map.of(field.getKey(), "0".repeat(field.getValue())));
            assertThat(refused.status()).as(field.getKey()).isEqualTo(400);
            assertThat(refused.json().get("errorCode").asString())
                    .startsWith("hawkbit.server.error.artifact.uploadFailed.checksum");
        }
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts")
                        .json())
                .isEmpty();
    }

    @Test
    void upload_failingForOtherReasons_leavesNoFileInTheStore() {
        assertThat(api.upload(module, "a.bin", "first".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(201);
        Set<Path> before = storedFiles();
        assertThat(api.upload(module, "a.bin", "same name".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(api.upload(999_999, "b.bin", "no module".getBytes(StandardCharsets.UTF_8), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.upload(
                                module,
                                "c.bin",
                                "bad name".getBytes(StandardCharsets.UTF_8),
                                Map.of("filename", "../c.bin"))
                        .status())
                .isEqualTo(400);
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void upload_rolledBackAfterStoring_removesTheFileItAdded() {
        byte[] content = ("rolled back " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Set<Path> before = storedFiles();
        String sha1 = transactions.execute(status -> {
            String stored = modules.upload(
                            "DEFAULT",
                            module,
                            "r.bin",
                            new ByteArrayInputStream(content),
                            new SoftwareModuleService.ExpectedHashes(null, null, null))
                    .getSha1();
            assertThat(((FileArtifactStore) store).path("DEFAULT", stored)).exists();
            status.setRollbackOnly();
            return stored;
        });
        assertThat(((FileArtifactStore) store).path("DEFAULT", sha1)).doesNotExist();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void upload_rolledBack_keepsAFileOtherArtifactsShare() {
        byte[] content = ("shared " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String sha1 = api.upload(module, "kept.bin", content, Map.of())
                .json()
                .at("/hashes/sha1")
                .asString();
        transactions.executeWithoutResult(status -> {
            modules.upload(
                    "DEFAULT",
                    module,
                    "copy.bin",
                    new ByteArrayInputStream(content),
                    new SoftwareModuleService.ExpectedHashes(null, null, null));
            status.setRollbackOnly();
        });
        assertThat(((FileArtifactStore) store).path("DEFAULT", sha1)).exists();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../tmp/x/pwned1",
                "/tmp/x/pwned2",
                "a/b.bin",
                "a\\b.bin",
                "..\\..\\win.bin",
                ".",
                "..",
                "a\r\nX-Injected: 1",
                "nul\u0000.bin",
                "tab\t.bin",
                "del\u007f.bin",
                "esc\u001b[31m.bin",
                "c1\u0085.bin"
            })
    void upload_refusesNamesThatAreNotPlainFileNames(String name) {
        ApiClient.Response refused = api.upload(module, "plain.bin", new byte[] {1}, Map.of("filename", name));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.artifact.uploadFailed");
        assertThat(refused.json().get("message").asString()).startsWith("filename: ");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts")
                        .json())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../tmp/x/pwned1", "/tmp/x/pwned2", "..", "."})
    void upload_refusesAnUnsafeNameOfTheFilePart(String name) {
        ApiClient.Response refused = api.upload(module, name, new byte[] {1}, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).startsWith("file: ");
        assertThat(api.mgmt("GET", "/rest/v1/softwaremodules/" + module + "/artifacts")
                        .json())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"update.swu", "bundle-1.0.raucb", "with space.bin", "ünïcödé.bin", "..hidden", "a..b"})
    void upload_acceptsPlainFileNames(String name) {
        ApiClient.Response created =
                api.upload(module, "plain.bin", name.getBytes(StandardCharsets.UTF_8), Map.of("filename", name));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("providedFilename").asString()).isEqualTo(name);
    }

    /** Every file under the store, temporary ones included. */
    private static Set<Path> storedFiles() {
        try (Stream<Path> files = Files.walk(artifacts)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
