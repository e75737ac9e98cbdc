package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks stored bytes against an artifact's recorded size and SHA-256, whatever the store: after an upload (the
 * stored object is read back) and before a download. A download must learn about a damaged file before its status
 * line is sent, so the whole content is hashed before the first download on this node, and the verdict is kept per
 * stored version (file modification time, S3 ETag): later downloads cost one stat or HEAD. Concurrent first downloads
 * share one hashing. Failures are counted ({@code hawkbit.artifact.integrity.failures}) and listed for the health
 * endpoint.
 */
@Component
public class ArtifactIntegrity {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactIntegrity.class);

    /** A damaged or missing artifact seen by this node. */
    public record Problem(String tenant, String sha1, String reason, Instant seen) {}

    private record Key(String tenant, String sha1) {}

    private record Verdict(String version, String problem) {}

    private final ArtifactStore store;
    private final boolean verifyDownloads;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ConcurrentMap<Key, Verdict> verdicts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, CompletableFuture<Verdict>> hashing = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Problem> problems = new ConcurrentHashMap<>();

    public ArtifactIntegrity(
            ArtifactStore store, ArtifactStorageProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.verifyDownloads = properties.isVerifyDownloads();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Throws {@link ServerError#ARTIFACT_LOAD_FAILED} (404) when the artifact's bytes are missing, of another size or
     * (with {@code verify-downloads}) of another SHA-256 than recorded.
     */
    public void checkDownload(Artifact artifact) {
        Key key = new Key(artifact.getTenant(), artifact.getSha1());
        Optional<ArtifactStore.Blob> blob = store.find(key.tenant(), key.sha1());
        String problem;
        if (blob.isEmpty()) {
            problem = "missing";
        } else if (blob.get().size() != artifact.getSize()) {
            problem = "damaged: " + blob.get().size() + " bytes stored, " + artifact.getSize() + " recorded";
        } else if (verifyDownloads) {
            problem = verdict(key, blob.get(), artifact.getSha256()).problem();
        } else {
            problem = null;
        }
        if (problem == null) {
            problems.remove(key);
            return;
        }
        fail(key, problem);
        throw new HawkbitException(
                ServerError.ARTIFACT_LOAD_FAILED,
                "The binary of artifact " + artifact.getFilename() + " is " + problem.replaceFirst(":.*", "")
                        + " in the artifact store");
    }

    /**
     * Reads freshly stored bytes back and compares them with the hashes computed while receiving them; throws
     * {@link ServerError#ARTIFACT_UPLOAD_FAILED} when the store holds something else.
     */
    void checkStored(String tenant, ArtifactStore.StoredFile file) {
        Key key = new Key(tenant, file.sha1());
        Optional<ArtifactStore.Blob> blob = store.find(tenant, file.sha1());
        String problem = blob.isEmpty()
                ? "missing"
                : blob.get().size() != file.size()
                        ? "damaged: " + blob.get().size() + " bytes stored, " + file.size() + " sent"
                        : verdict(key, blob.get(), file.sha256()).problem();
        if (problem != null) {
            fail(key, problem);
            throw new HawkbitException(
                    ServerError.ARTIFACT_UPLOAD_FAILED,
                    "The artifact store did not keep the uploaded bytes: " + problem);
        }
    }

    /** Damaged or missing artifacts this node has seen and not yet seen repaired, newest first. */
    public List<Problem> problems() {
        return problems.values().stream()
                .sorted(Comparator.comparing(Problem::seen).reversed())
                .toList();
    }

    private Verdict verdict(Key key, ArtifactStore.Blob blob, String sha256) {
        Verdict known = verdicts.get(key);
        if (known != null && known.version().equals(blob.version())) {
            return known;
        }
        CompletableFuture<Verdict> mine = new CompletableFuture<>();
        CompletableFuture<Verdict> running = hashing.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Verdict verdict = new Verdict(blob.version(), hash(key, blob.size(), sha256));
            verdicts.put(key, verdict);
            mine.complete(verdict);
            return verdict;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            hashing.remove(key, mine);
        }
    }

    private String hash(Key key, long size, String sha256) {
        MessageDigest digest = HashedTempFile.digest("SHA-256");
        long read = 0;
        try (InputStream in = store.open(key.tenant(), key.sha1(), 0, size - 1)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                read += n;
            }
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            throw new UncheckedIOException("Reading artifact " + key.sha1() + " failed", e);
        }
        if (read != size) {
            return "damaged: " + read + " bytes read, " + size + " expected";
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        return actual.equalsIgnoreCase(sha256) ? null : "damaged: SHA-256 " + actual + ", " + sha256 + " expected";
    }

    private void fail(Key key, String problem) {
        String reason = problem.startsWith("missing") ? "missing" : "damaged";
        LOG.error("Artifact {} of tenant {} is {}", key.sha1(), key.tenant(), problem);
        problems.put(key, new Problem(key.tenant(), key.sha1(), problem, clock.instant()));
        Counter.builder("hawkbit.artifact.integrity.failures")
                .description("Downloads and uploads that found an artifact's stored bytes missing or damaged")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
