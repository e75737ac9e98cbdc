package io.hawkbit.server.mgmt.type;

import io.hawkbit.repository.targettype.TargetTypeService;
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

/**
 * hawkBit's {@code /rest/v1/targettypes}: target types and the distribution set types each can install. Changes answer
 * 204 without a body, as hawkBit 1.x does.
 */
@RestController
@RequestMapping("/rest/v1/targettypes")
class TargetTypeController {

    private final TargetTypeService types;
    private final CurrentUser user;

    public TargetTypeController(TargetTypeService types, CurrentUser user) {
        this.types = types;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtTargetType> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetTypeService.FIELDS, Sort.by("id"));
        return PagedList.of(types.find(user.tenant(), q, pageable), MgmtTargetType::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtTargetType>> create(
            @RequestBody List<@Valid @NotNull MgmtTargetTypeRequestBodyPost> body) {
        var creates = body.stream().map(MgmtTargetTypeRequestBodyPost::toCreate).toList();
        List<MgmtTargetType> created = types.create(user.tenant(), creates).stream()
                .map(MgmtTargetType::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtTargetType get(@PathVariable Long id) {
        return MgmtTargetType.detailed(types.get(user.tenant(), id));
    }

    @PutMapping("/{id}")
    public MgmtTargetType update(@PathVariable Long id, @Valid @RequestBody MgmtTargetTypeRequestBodyPut body) {
        return MgmtTargetType.detailed(types.update(user.tenant(), id, body.name(), body.description(), body.colour()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        types.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/compatibledistributionsettypes")
    public List<MgmtDistributionSetType> compatible(@PathVariable Long id) {
        return types.compatible(user.tenant(), id).stream()
                .map(MgmtDistributionSetType::of)
                .toList();
    }

    @PostMapping("/{id}/compatibledistributionsettypes")
    public ResponseEntity<Void> addCompatible(@PathVariable Long id, @RequestBody List<@Valid @NotNull MgmtId> body) {
        types.addCompatible(user.tenant(), id, body.stream().map(MgmtId::id).toList());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/compatibledistributionsettypes/{distributionSetTypeId}")
    public ResponseEntity<Void> removeCompatible(@PathVariable Long id, @PathVariable Long distributionSetTypeId) {
        types.removeCompatible(user.tenant(), id, distributionSetTypeId);
        return ResponseEntity.noContent().build();
    }
}
