package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.metadata.MetadataRules;
import io.hawkbit.repository.target.TargetMetadata;
import io.hawkbit.repository.target.TargetMetadataService;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.metadata.MetadataPages;
import io.hawkbit.server.mgmt.metadata.MgmtMetadata;
import io.hawkbit.server.mgmt.metadata.MgmtMetadataBodyPut;
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

/** hawkBit's {@code /rest/v1/targets/{targetId}/metadata}, with 1.1's status codes (201 and 204 without a body). */
@RestController
@RequestMapping("/rest/v1/targets/{targetId}/metadata")
class TargetMetadataController {

    private final TargetMetadataService metadata;
    private final CurrentUser user;

    public TargetMetadataController(TargetMetadataService metadata, CurrentUser user) {
        this.metadata = metadata;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtMetadata> list(
            @PathVariable String targetId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = MetadataPages.of(offset, limit, sort, MetadataRules.FIELDS);
        return PagedList.of(metadata.find(user.tenant(), targetId, q, pageable), TargetMetadataController::json);
    }

    /** All entries or none; 409 when the target already has one of the keys. */
    @PostMapping
    public ResponseEntity<Void> create(@PathVariable String targetId, @RequestBody List<@NotNull MgmtMetadata> body) {
        metadata.create(
                user.tenant(),
                targetId,
                body.stream().map(MgmtMetadata::toEntry).toList());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/{metadataKey}")
    public MgmtMetadata get(@PathVariable String targetId, @PathVariable String metadataKey) {
        return json(metadata.get(user.tenant(), targetId, metadataKey));
    }

    /** Sets the value, adding the entry when there is none (hawkBit 1.1). */
    @PutMapping("/{metadataKey}")
    public ResponseEntity<Void> update(
            @PathVariable String targetId, @PathVariable String metadataKey, @RequestBody MgmtMetadataBodyPut body) {
        metadata.put(user.tenant(), targetId, metadataKey, body.value());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{metadataKey}")
    public ResponseEntity<Void> delete(@PathVariable String targetId, @PathVariable String metadataKey) {
        metadata.delete(user.tenant(), targetId, metadataKey);
        return ResponseEntity.noContent().build();
    }

    private static MgmtMetadata json(TargetMetadata entry) {
        return new MgmtMetadata(entry.getKey(), entry.getValue());
    }
}
