package io.hawkbit.server.mgmt.type;

import java.util.List;

import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
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
public class SoftwareModuleTypeController {

    private final SoftwareModuleTypeService types;
    private final CurrentUser user;
    private final TransactionTemplate transactions;

    public SoftwareModuleTypeController(SoftwareModuleTypeService types, CurrentUser user, TransactionTemplate transactions) {
        this.types = types;
        this.user = user;
        this.transactions = transactions;
    }

    @GetMapping
    public PagedList<MgmtSoftwareModuleType> list(@RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, SoftwareModuleTypeService.FIELDS, Sort.by("id"));
        return PagedList.of(types.find(user.tenant(), q, pageable), MgmtSoftwareModuleType::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtSoftwareModuleType>> create(
            @RequestBody List<@Valid @NotNull MgmtSoftwareModuleTypeRequestBodyPost> body) {
        body.forEach(MgmtSoftwareModuleTypeRequestBodyPost::refuseUnimplemented);
        String tenant = user.tenant();
        // One transaction around the batch: hawkBit creates all types or none.
        List<MgmtSoftwareModuleType> created = transactions.execute(status -> body.stream()
                .map(t -> MgmtSoftwareModuleType.of(types.create(tenant, t.toCreate()))).toList());
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
        return ResponseEntity.ok().build();
    }
}
