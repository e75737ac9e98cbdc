package io.hawkbit.server.mgmt.softwaremodule;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.artifact.ArtifactDownload;
import io.hawkbit.server.artifact.StoredArtifacts;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** hawkBit's {@code /rest/v1/softwaremodules}: software modules and their artifacts. */
@RestController
@RequestMapping("/rest/v1/softwaremodules")
class SoftwareModuleController {

    private final SoftwareModuleService modules;
    private final StoredArtifacts store;
    private final CurrentUser user;

    public SoftwareModuleController(SoftwareModuleService modules, StoredArtifacts store, CurrentUser user) {
        this.modules = modules;
        this.store = store;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtSoftwareModule> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, SoftwareModuleService.FIELDS, Sort.by("id"));
        return PagedList.of(modules.find(user.tenant(), q, pageable), MgmtSoftwareModule::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtSoftwareModule>> create(
            @RequestBody List<@Valid @NotNull MgmtSoftwareModuleRequestBodyPost> body) {
        body.forEach(MgmtSoftwareModuleRequestBodyPost::refuseUnimplemented);
        // All or none, as in hawkBit.
        var creates =
                body.stream().map(MgmtSoftwareModuleRequestBodyPost::toCreate).toList();
        List<MgmtSoftwareModule> created = modules.create(user.tenant(), creates).stream()
                .map(MgmtSoftwareModule::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtSoftwareModule get(@PathVariable Long id) {
        return MgmtSoftwareModule.detailed(modules.get(user.tenant(), id));
    }

    @PutMapping("/{id}")
    public MgmtSoftwareModule update(@PathVariable Long id, @Valid @RequestBody MgmtSoftwareModuleRequestBodyPut body) {
        body.refuseUnimplemented();
        return MgmtSoftwareModule.detailed(modules.update(user.tenant(), id, body.vendor(), body.description()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        modules.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/artifacts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<MgmtArtifact> upload(
            @PathVariable Long id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String filename,
            @RequestParam(required = false) String md5sum,
            @RequestParam(required = false) String sha1sum,
            @RequestParam(required = false) String sha256sum) {
        if (file.isEmpty()) {
            throw new HawkbitException(ServerError.ARTIFACT_UPLOAD_FAILED, "The uploaded file is empty");
        }
        // Devices save the download under this name: a path or control character could make them write elsewhere.
        String name = filename != null && !filename.isBlank()
                ? ArtifactFilename.check(filename, "filename")
                : ArtifactFilename.check(file.getOriginalFilename(), "file");
        try (InputStream content = file.getInputStream()) {
            Artifact artifact = modules.upload(
                    user.tenant(),
                    id,
                    name,
                    content,
                    new SoftwareModuleService.ExpectedHashes(sha1sum, md5sum, sha256sum));
            return ResponseEntity.status(HttpStatus.CREATED).body(MgmtArtifact.detailed(id, artifact));
        } catch (IOException e) {
            throw new HawkbitException(
                    ServerError.ARTIFACT_UPLOAD_FAILED, "Reading the uploaded file failed: " + e.getMessage());
        }
    }

    /**
     * The module's artifacts: {@code self} links only, or with {@code representation=full} also {@code download}, as
     * hawkBit answers (its {@code useartifacturlhandler} is ignored: downloads are always served by this server).
     */
    @GetMapping("/{id}/artifacts")
    public List<MgmtArtifact> artifacts(@PathVariable Long id, @RequestParam(required = false) String representation) {
        boolean full = "full".equalsIgnoreCase(representation);
        return modules.artifacts(user.tenant(), id).stream()
                .map(a -> full ? MgmtArtifact.detailed(id, a) : MgmtArtifact.of(id, a))
                .toList();
    }

    @GetMapping("/{id}/artifacts/{artifactId}")
    public MgmtArtifact artifact(@PathVariable Long id, @PathVariable Long artifactId) {
        return MgmtArtifact.detailed(id, modules.artifact(user.tenant(), id, artifactId));
    }

    @DeleteMapping("/{id}/artifacts/{artifactId}")
    public ResponseEntity<Void> deleteArtifact(@PathVariable Long id, @PathVariable Long artifactId) {
        modules.deleteArtifact(user.tenant(), id, artifactId);
        return ResponseEntity.noContent().build();
    }

    /** As hawkBit: the artifact's bytes with its ETag, Range and If-Match handling, shared with the device download. */
    @GetMapping("/{id}/artifacts/{artifactId}/download")
    public ResponseEntity<Void> download(
            @PathVariable Long id,
            @PathVariable Long artifactId,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String tenant = user.tenant();
        Artifact artifact = modules.artifact(tenant, id, artifactId);
        return ArtifactDownload.write(artifact, store.content(artifact), request, response);
    }
}
