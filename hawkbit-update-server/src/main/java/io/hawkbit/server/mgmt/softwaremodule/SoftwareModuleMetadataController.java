package io.hawkbit.server.mgmt.softwaremodule;

import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadataService;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.metadata.MetadataPages;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code /rest/v1/softwaremodules/{softwareModuleId}/metadata}, with 1.1's status codes (201 and 204
 * without a body) and its create-or-replace semantics on both create and update.
 */
@RestController
@RequestMapping("/rest/v1/softwaremodules/{softwareModuleId}/metadata")
class SoftwareModuleMetadataController {

    private final SoftwareModuleMetadataService metadata;
    private final CurrentUser user;

    public SoftwareModuleMetadataController(SoftwareModuleMetadataService metadata, CurrentUser user) {
        this.metadata = metadata;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtSoftwareModuleMetadata> list(
            @PathVariable Long softwareModuleId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = MetadataPages.of(offset, limit, sort, SoftwareModuleMetadataService.FIELDS);
        return PagedList.of(
                metadata.find(user.tenant(), softwareModuleId, q, pageable), MgmtSoftwareModuleMetadata::of);
    }

    @PostMapping
    public ResponseEntity<Void> create(
            @PathVariable Long softwareModuleId, @RequestBody List<@NotNull MgmtSoftwareModuleMetadata> body) {
        metadata.write(
                user.tenant(),
                softwareModuleId,
                body.stream().map(MgmtSoftwareModuleMetadata::toWrite).toList());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/{metadataKey}")
    public MgmtSoftwareModuleMetadata get(@PathVariable Long softwareModuleId, @PathVariable String metadataKey) {
        return MgmtSoftwareModuleMetadata.of(metadata.get(user.tenant(), softwareModuleId, metadataKey));
    }

    @PutMapping("/{metadataKey}")
    public ResponseEntity<Void> update(
            @PathVariable Long softwareModuleId,
            @PathVariable String metadataKey,
            @RequestBody MgmtSoftwareModuleMetadataBodyPut body) {
        metadata.write(
                user.tenant(),
                softwareModuleId,
                List.of(new SoftwareModuleMetadataService.Write(metadataKey, body.value(), body.targetVisible())));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{metadataKey}")
    public ResponseEntity<Void> delete(@PathVariable Long softwareModuleId, @PathVariable String metadataKey) {
        metadata.delete(user.tenant(), softwareModuleId, metadataKey);
        return ResponseEntity.noContent().build();
    }
}
