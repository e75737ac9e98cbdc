package io.hawkbit.server.mgmt.distributionset;

import io.hawkbit.repository.distribution.DistributionSetMetadata;
import io.hawkbit.repository.distribution.DistributionSetMetadataService;
import io.hawkbit.repository.metadata.MetadataRules;
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

/**
 * hawkBit's {@code /rest/v1/distributionsets/{distributionSetId}/metadata}, with 1.1's status codes (201 and 204
 * without a body).
 */
@RestController
@RequestMapping("/rest/v1/distributionsets/{distributionSetId}/metadata")
class DistributionSetMetadataController {

    private final DistributionSetMetadataService metadata;
    private final CurrentUser user;

    public DistributionSetMetadataController(DistributionSetMetadataService metadata, CurrentUser user) {
        this.metadata = metadata;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtMetadata> list(
            @PathVariable Long distributionSetId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = MetadataPages.of(offset, limit, sort, MetadataRules.FIELDS);
        return PagedList.of(
                metadata.find(user.tenant(), distributionSetId, q, pageable), DistributionSetMetadataController::json);
    }

    /** All entries or none; existing keys get the new value (hawkBit 1.1). */
    @PostMapping
    public ResponseEntity<Void> create(
            @PathVariable Long distributionSetId, @RequestBody List<@NotNull MgmtMetadata> body) {
        metadata.create(
                user.tenant(),
                distributionSetId,
                body.stream().map(MgmtMetadata::toEntry).toList());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/{metadataKey}")
    public MgmtMetadata get(@PathVariable Long distributionSetId, @PathVariable String metadataKey) {
        return json(metadata.get(user.tenant(), distributionSetId, metadataKey));
    }

    /** Sets the value, adding the entry when there is none (hawkBit 1.1). */
    @PutMapping("/{metadataKey}")
    public ResponseEntity<Void> update(
            @PathVariable Long distributionSetId,
            @PathVariable String metadataKey,
            @RequestBody MgmtMetadataBodyPut body) {
        metadata.put(user.tenant(), distributionSetId, metadataKey, body.value());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{metadataKey}")
    public ResponseEntity<Void> delete(@PathVariable Long distributionSetId, @PathVariable String metadataKey) {
        metadata.delete(user.tenant(), distributionSetId, metadataKey);
        return ResponseEntity.noContent().build();
    }

    private static MgmtMetadata json(DistributionSetMetadata entry) {
        return new MgmtMetadata(entry.getKey(), entry.getValue());
    }
}
