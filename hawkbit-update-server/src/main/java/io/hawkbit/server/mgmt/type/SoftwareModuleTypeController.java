package io.hawkbit.server.mgmt.type;

import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
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

/** hawkBit's {@code /rest/v1/softwaremoduletypes}. */
@RestController
@RequestMapping("/rest/v1/softwaremoduletypes")
class SoftwareModuleTypeController {

    private final SoftwareModuleTypeService types;
    private final CurrentUser user;

    public SoftwareModuleTypeController(SoftwareModuleTypeService types, CurrentUser user) {
        this.types = types;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtSoftwareModuleType> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, SoftwareModuleTypeService.FIELDS, Sort.by("id"));
        return PagedList.of(types.find(user.tenant(), q, pageable), MgmtSoftwareModuleType::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtSoftwareModuleType>> create(
            @RequestBody List<@Valid @NotNull MgmtSoftwareModuleTypeRequestBodyPost> body) {
        body.forEach(MgmtSoftwareModuleTypeRequestBodyPost::refuseUnimplemented);
        // All or none, as in hawkBit.
        var creates = body.stream()
                .map(MgmtSoftwareModuleTypeRequestBodyPost::toCreate)
                .toList();
        List<MgmtSoftwareModuleType> created = types.create(user.tenant(), creates).stream()
                .map(MgmtSoftwareModuleType::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtSoftwareModuleType get(@PathVariable Long id) {
        return MgmtSoftwareModuleType.of(types.get(user.tenant(), id));
    }

    @PutMapping("/{id}")
    public MgmtSoftwareModuleType update(@PathVariable Long id, @Valid @RequestBody MgmtTypeRequestBodyPut body) {
        return MgmtSoftwareModuleType.of(types.update(user.tenant(), id, body.description(), body.colour()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        types.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }
}
