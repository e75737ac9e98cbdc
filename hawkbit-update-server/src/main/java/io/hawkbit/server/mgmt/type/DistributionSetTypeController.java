package io.hawkbit.server.mgmt.type;

import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.data.domain.Sort;
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

/** hawkBit's {@code /rest/v1/distributionsettypes}, with the mandatory and optional module types of each. */
@RestController
@RequestMapping("/rest/v1/distributionsettypes")
class DistributionSetTypeController {

    private final DistributionSetTypeService types;
    private final CurrentUser user;

    public DistributionSetTypeController(DistributionSetTypeService types, CurrentUser user) {
        this.types = types;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtDistributionSetType> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, DistributionSetTypeService.FIELDS, Sort.by("id"));
        return PagedList.of(types.find(user.tenant(), q, pageable), MgmtDistributionSetType::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtDistributionSetType>> create(
            @RequestBody List<@Valid @NotNull MgmtDistributionSetTypeRequestBodyPost> body) {
        // All or none, as in hawkBit.
        var creates = body.stream()
                .map(MgmtDistributionSetTypeRequestBodyPost::toCreate)
                .toList();
        List<MgmtDistributionSetType> created = types.create(user.tenant(), creates).stream()
                .map(MgmtDistributionSetType::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtDistributionSetType get(@PathVariable Long id) {
        return MgmtDistributionSetType.detailed(types.get(user.tenant(), id));
    }

    @PutMapping("/{id}")
    public MgmtDistributionSetType update(@PathVariable Long id, @Valid @RequestBody MgmtTypeRequestBodyPut body) {
        return MgmtDistributionSetType.detailed(types.update(user.tenant(), id, body.description(), body.colour()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        types.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/mandatorymoduletypes")
    public List<MgmtSoftwareModuleType> mandatory(@PathVariable Long id) {
        return types.get(user.tenant(), id).mandatoryTypes().stream()
                .map(MgmtSoftwareModuleType::of)
                .toList();
    }

    @GetMapping("/{id}/mandatorymoduletypes/{smTypeId}")
    public MgmtSoftwareModuleType mandatory(@PathVariable Long id, @PathVariable Long smTypeId) {
        return find(types.get(user.tenant(), id).mandatoryTypes(), smTypeId);
    }

    @PostMapping("/{id}/mandatorymoduletypes")
    public ResponseEntity<Void> addMandatory(@PathVariable Long id, @Valid @RequestBody MgmtId body) {
        types.addModuleType(user.tenant(), id, body.id(), true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/mandatorymoduletypes/{smTypeId}")
    public ResponseEntity<Void> removeMandatory(@PathVariable Long id, @PathVariable Long smTypeId) {
        types.removeModuleType(user.tenant(), id, smTypeId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/optionalmoduletypes")
    public List<MgmtSoftwareModuleType> optional(@PathVariable Long id) {
        return types.get(user.tenant(), id).optionalTypes().stream()
                .map(MgmtSoftwareModuleType::of)
                .toList();
    }

    @GetMapping("/{id}/optionalmoduletypes/{smTypeId}")
    public MgmtSoftwareModuleType optional(@PathVariable Long id, @PathVariable Long smTypeId) {
        return find(types.get(user.tenant(), id).optionalTypes(), smTypeId);
    }

    @PostMapping("/{id}/optionalmoduletypes")
    public ResponseEntity<Void> addOptional(@PathVariable Long id, @Valid @RequestBody MgmtId body) {
        types.addModuleType(user.tenant(), id, body.id(), false);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/optionalmoduletypes/{smTypeId}")
    public ResponseEntity<Void> removeOptional(@PathVariable Long id, @PathVariable Long smTypeId) {
        types.removeModuleType(user.tenant(), id, smTypeId);
        return ResponseEntity.noContent().build();
    }

    private static MgmtSoftwareModuleType find(List<SoftwareModuleType> moduleTypes, Long smTypeId) {
        return moduleTypes.stream()
                .filter(t -> t.getId().equals(smTypeId))
                .findFirst()
                .map(MgmtSoftwareModuleType::of)
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModuleType", smTypeId));
    }
}
