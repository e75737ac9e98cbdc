package io.hawkbit.repository.softwaremodule;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where artifact bytes live, content-addressed by SHA-1 per tenant: equal uploads share one stored object, a
 * refused or half-written upload never becomes visible. Two kinds: a (shared) directory and an S3 bucket, chosen by
 * {@code hawkbit.artifact.storage.type}.
 */
public interface ArtifactStore {

    /** Hashes and size of a stored file. */
    record StoredFile(String sha1, String md5, String sha256, long size) {}

    /** A file put in the store; {@code created} when this call wrote it (no file of equal content was there). */
    record Stored(StoredFile file, boolean created) {}

    /**
     * What the store holds under a SHA-1: its size and a tag that changes whenever the bytes are rewritten
     * (modification time for files, ETag for S3), so a verdict about the content can be cached against it.
     */
    record Blob(long size, String version) {}

    /**
     * Takes the content without holding it in memory, hashes it, lets {@code check} refuse it (by throwing) and only
     * then makes it visible under its SHA-1, so a refused upload never enters the store.
     */
    Stored store(String tenant, InputStream content, Consumer<StoredFile> check);

    /** The stored bytes under this SHA-1, empty when there are none. */
    Optional<Blob> find(String tenant, String sha1);

    /**
     * The bytes {@code start} to {@code end} (inclusive) of the stored content, streamed.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under the SHA-1
     */
    InputStream open(String tenant, String sha1, long start, long end) throws IOException;

    void delete(String tenant, String sha1);

    /**
     * A URL that serves the bytes without this server and without credentials for {@code validFor}, named
     * {@code filename} for the client; empty when the store cannot hand out such links.
     */
    default Optional<URI> directDownload(String tenant, String sha1, String filename, Duration validFor) {
        return Optional.empty();
    }

    static void requireSha1(String sha1) {
        if (sha1 == null || !sha1.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("Not a SHA-1: " + sha1);
        }
    }

    /** A tenant name as a path segment or key prefix. */
    static String safe(String tenant) {
        return tenant.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
