package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's artifact: a file of a software module with its hashes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtArtifact(
        Long id,
        Hashes hashes,
        String providedFilename,
        Long size,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    /** The artifact's checksums, lower-case hex. */
    public record Hashes(String sha1, String md5, String sha256) {}

    static MgmtArtifact of(Long moduleId, Artifact artifact) {
        return of(artifact, Links.self(path(moduleId, artifact)));
    }

    static MgmtArtifact detailed(Long moduleId, Artifact artifact) {
        return of(
                artifact,
                Links.self(path(moduleId, artifact)).with("download", path(moduleId, artifact) + "/download"));
    }

    private static String path(Long moduleId, Artifact artifact) {
        return MgmtSoftwareModule.PATH + moduleId + "/artifacts/" + artifact.getId();
    }

    private static MgmtArtifact of(Artifact artifact, Links links) {
        return new MgmtArtifact(
                artifact.getId(),
                new Hashes(artifact.getSha1(), artifact.getMd5(), artifact.getSha256()),
                artifact.getFilename(),
                artifact.getSize(),
                MgmtAudit.of(artifact),
                links);
    }
}
