package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.DeviceArtifacts;
import io.hawkbit.repository.action.DeviceHistory;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.rest.security.DdiPrincipal;
import io.hawkbit.server.artifact.ArtifactDownload;
import io.hawkbit.server.artifact.StoredArtifacts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Artifact downloads for devices: GET and HEAD, single and multiple byte ranges (resumed downloads, RAUC
 * streaming), {@code If-Range}/{@code If-Match}/{@code If-None-Match} against the SHA-1 ETag, and {@code .MD5SUM}.
 * A whole-file GET records one {@code download} entry in the history of the open action deploying the module (once
 * per action and file); HEAD and Range requests record nothing, so resumed or streaming installs cannot fill the
 * per-action quota.
 */
@RestController
@RequestMapping("/{tenant}/controller/v1/{controllerId}/softwaremodules/{moduleId}/artifacts")
class DdiArtifactController {

    private static final Logger LOG = LoggerFactory.getLogger(DdiArtifactController.class);

    private static final String MD5SUM = ".MD5SUM";

    private final DeviceArtifacts artifacts;
    private final StoredArtifacts store;
    private final DeviceHistory history;

    public DdiArtifactController(DeviceArtifacts artifacts, StoredArtifacts store, DeviceHistory history) {
        this.artifacts = artifacts;
        this.store = store;
        this.history = history;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "application/hal+json"})
    public List<DdiJson.Artifact> list(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long moduleId) {
        SoftwareModule module = artifacts.module(principal.tenant(), controllerId, moduleId);
        DdiLinks links = new DdiLinks(principal.tenant(), controllerId);
        return module.getArtifacts().stream()
                .map(a -> links.artifact(moduleId, a, store.directLink(a)))
                .toList();
    }

    @GetMapping("/{filename}")
    public ResponseEntity<?> download(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long moduleId,
            @PathVariable String filename,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Artifact artifact;
        try {
            artifact = artifacts.artifact(principal.tenant(), controllerId, moduleId, filename);
        } catch (EntityNotFoundException e) {
            if (!filename.endsWith(MD5SUM)) {
                throw e;
            }
            return md5sum(artifacts.artifact(
                    principal.tenant(),
                    controllerId,
                    moduleId,
                    filename.substring(0, filename.length() - MD5SUM.length())));
        }
        if (!"HEAD".equals(request.getMethod())) {
            Optional<String> redirect = store.redirect(artifact);
            if (redirect.isPresent()) {
                if (request.getHeader(HttpHeaders.RANGE) == null) {
                    recordDownload(principal, controllerId, moduleId, artifact.getFilename());
                }
                return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                        .location(URI.create(redirect.get()))
                        .build();
            }
        }
        return ArtifactDownload.write(
                artifact,
                store.content(artifact),
                request,
                response,
                () -> recordDownload(principal, controllerId, moduleId, artifact.getFilename()));
    }

    /** The history entry is informational: failing to write it must not fail the download. */
    private void recordDownload(DdiPrincipal principal, String controllerId, long moduleId, String filename) {
        try {
            history.downloading(principal.tenant(), controllerId, moduleId, filename);
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("Could not record the download of {} by {}", filename, controllerId, e);
        }
    }

    private static ResponseEntity<String> md5sum(Artifact artifact) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(artifact.getFilename() + MD5SUM, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(artifact.getMd5() + "  " + artifact.getFilename());
    }
}
