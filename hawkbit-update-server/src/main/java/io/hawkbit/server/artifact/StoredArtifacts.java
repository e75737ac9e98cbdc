package io.hawkbit.server.artifact;

import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.ArtifactIntegrity;
import io.hawkbit.repository.softwaremodule.ArtifactStorageProperties;
import io.hawkbit.repository.softwaremodule.ArtifactStore;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An artifact's bytes for a download: checked first, then read from whichever store holds them. */
@Component
public class StoredArtifacts {

    private final ArtifactStore store;
    private final ArtifactIntegrity integrity;
    private final boolean presigned;
    private final boolean redirects;
    private final Duration presignedExpiry;

    public StoredArtifacts(ArtifactStore store, ArtifactIntegrity integrity, ArtifactStorageProperties properties) {
        this.store = store;
        this.integrity = integrity;
        this.presigned = properties.getType() == ArtifactStorageProperties.Type.S3
                && properties.getS3().isPresignedDownloads();
        this.redirects = properties.getType() == ArtifactStorageProperties.Type.S3
                && properties.getS3().isPresignedRedirects();
        this.presignedExpiry = properties.getS3().getPresignedExpiry();
    }

    /**
     * The content to send; a missing or damaged file answers 404 ({@code hawkbit.server.error.artifact.loadFailed})
     * here, before any status line is written.
     */
    public ArtifactDownload.Content content(Artifact artifact) {
        integrity.checkDownload(artifact);
        return (start, end) -> store.open(artifact.getTenant(), artifact.getSha1(), start, end);
    }

    /** A pre-signed link to the bytes in S3 when {@code presigned-downloads} is on, else empty. */
    public Optional<String> directLink(Artifact artifact) {
        return presigned ? presign(artifact) : Optional.empty();
    }

    /**
     * Where a device's GET of the artifact is redirected when {@code presigned-redirects} is on, else empty; the
     * stored bytes are checked first (a missing or damaged object answers 404 here, not at S3).
     */
    public Optional<String> redirect(Artifact artifact) {
        if (!redirects) {
            return Optional.empty();
        }
        integrity.checkDownload(artifact);
        return presign(artifact);
    }

    private Optional<String> presign(Artifact artifact) {
        return store.directDownload(artifact.getTenant(), artifact.getSha1(), artifact.getFilename(), presignedExpiry)
                .map(Object::toString);
    }
}
