package io.hawkbit.repository.softwaremodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity check on its own: read-back after writing, and the per-version verdict of downloads. */
class ArtifactIntegrityTest {

    @TempDir
    Path root;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void storeThatKeepsOtherBytes_failsTheUpload() {
        // A store whose copy differs from what it was given, as an S3 server keeping aws-chunked framing did.
        FileArtifactStore files = new FileArtifactStore(root);
        ArtifactStore damaging = new Delegating(files) {
            @Override
            public Stored store(String tenant, InputStream content, Consumer<StoredFile> check) {
                Stored stored = files.store(tenant, content, check);
                overwriteFirstByte(files.path(tenant, stored.file().sha1()));
                return stored;
            }
        };
        ArtifactIntegrity integrity = integrity(damaging);
        ArtifactStore.Stored stored = damaging.store("T", new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), f -> {});

        assertThatThrownBy(() -> integrity.checkStored("T", stored.file()))
                .isInstanceOfSatisfying(
                        HawkbitException.class,
                        e -> assertThat(e.error()).isEqualTo(ServerError.ARTIFACT_UPLOAD_FAILED));
        assertThat(meters.counter("hawkbit.artifact.integrity.failures", "reason", "damaged")
                        .count())
                .isEqualTo(1);
        assertThat(integrity.problems())
                .singleElement()
                .extracting(ArtifactIntegrity.Problem::sha1)
                .isEqualTo(stored.file().sha1());
    }

    @Test
    void intactStore_passesAndIsHashedOncePerVersion() throws IOException {
        FileArtifactStore files = new FileArtifactStore(root);
        AtomicInteger reads = new AtomicInteger();
        ArtifactStore counting = new Delegating(files) {
            @Override
            public InputStream open(String tenant, String sha1, long start, long end) throws IOException {
                reads.incrementAndGet();
                return files.open(tenant, sha1, start, end);
            }
        };
        ArtifactIntegrity integrity = integrity(counting);
        ArtifactStore.Stored stored = counting.store("T", new ByteArrayInputStream(new byte[] {5, 6, 7}), f -> {});

        integrity.checkStored("T", stored.file());
        integrity.checkStored("T", stored.file());
        assertThat(reads).as("the verdict is kept for the unchanged file").hasValue(1);

        Path file = files.path("T", stored.file().sha1());
        FileTime before = Files.getLastModifiedTime(file);
        Files.write(file, new byte[] {5, 6, 8});
        // A rewrite within the file system's timestamp granularity keeps the old time; a real rewrite comes later.
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
        assertThatThrownBy(() -> integrity.checkStored("T", stored.file())).isInstanceOf(HawkbitException.class);
        assertThat(reads).as("a rewritten file is hashed again").hasValue(2);
    }

    @Test
    void uploadOfEqualContent_replacesACopyOfAnotherSize() throws IOException {
        FileArtifactStore files = new FileArtifactStore(root);
        byte[] content = {9, 8, 7, 6};
        ArtifactStore.Stored first = files.store("T", new ByteArrayInputStream(content), f -> {});
        Path file = files.path("T", first.file().sha1());
        Files.write(file, new byte[] {9, 8});

        ArtifactStore.Stored again = files.store("T", new ByteArrayInputStream(content), f -> {});

        assertThat(again.created()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        integrity(files).checkStored("T", again.file());
    }

    private ArtifactIntegrity integrity(ArtifactStore store) {
        return new ArtifactIntegrity(store, new ArtifactStorageProperties(), Clock.systemUTC(), meters);
    }

    private static void overwriteFirstByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[0] ^= 0x7f;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes everything to another store; tests override one operation. */
    private static class Delegating implements ArtifactStore {

        private final ArtifactStore delegate;

        Delegating(ArtifactStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Stored store(String tenant, InputStream content, Consumer<StoredFile> check) {
            return delegate.store(tenant, content, check);
        }

        @Override
        public Optional<Blob> find(String tenant, String sha1) {
            return delegate.find(tenant, sha1);
        }

        @Override
        public InputStream open(String tenant, String sha1, long start, long end) throws IOException {
            return delegate.open(tenant, sha1, start, end);
        }

        @Override
        public void delete(String tenant, String sha1) {
            delegate.delete(tenant, sha1);
        }
    }
}
