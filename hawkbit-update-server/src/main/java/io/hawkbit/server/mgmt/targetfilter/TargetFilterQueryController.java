package io.hawkbit.server.mgmt.targetfilter;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.repository.targetfilter.TargetFilterQueryService;
import io.hawkbit.repository.targetfilter.TargetFilterQueryService.AutoAssign;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.action.MgmtAction;
import io.hawkbit.server.mgmt.distributionset.MgmtDistributionSet;
import jakarta.validation.Valid;
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

/** hawkBit's {@code /rest/v1/targetfilters}: saved target queries and their auto-assign distribution set. */
@RestController
@RequestMapping("/rest/v1/targetfilters")
class TargetFilterQueryController {

    private final TargetFilterQueryService filters;
    private final CurrentUser user;

    private final TenantSettings settings;

    public TargetFilterQueryController(TargetFilterQueryService filters, CurrentUser user, TenantSettings settings) {
        this.settings = settings;
        this.filters = filters;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtTargetFilterQuery> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String representation) {
        var pageable = PageParams.of(offset, limit, sort, TargetFilterQueryService.FIELDS, Sort.by("id"));
        // hawkBit falls back to compact for an unknown representation rather than refusing it.
        var view = "full".equalsIgnoreCase(representation)
                ? MgmtTargetFilterQuery.View.FULL
                : MgmtTargetFilterQuery.View.COMPACT;
        return PagedList.of(
                filters.find(user.tenant(), q, pageable), filter -> MgmtTargetFilterQuery.of(filter, view, flowOn()));
    }

    @PostMapping
    public ResponseEntity<MgmtTargetFilterQuery> create(@Valid @RequestBody MgmtTargetFilterQueryRequestBody body) {
        if (body.name() == null
                || body.name().isBlank()
                || body.query() == null
                || body.query().isBlank()) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "A target filter query needs a name and a query");
        }
        AutoAssign autoAssign = body.autoAssignDistributionSet() == null
                ? null
                : new AutoAssign(
                        body.autoAssignDistributionSet(),
                        MgmtAction.parseForceType(body.autoAssignActionType()),
                        weight(body.autoAssignWeight()));
        var created = filters.create(
                user.tenant(), new TargetFilterQueryService.Create(body.name(), body.query(), autoAssign));
        return ResponseEntity.status(HttpStatus.CREATED).body(changed(created));
    }

    @GetMapping("/{id}")
    public MgmtTargetFilterQuery get(@PathVariable Long id) {
        return MgmtTargetFilterQuery.of(filters.get(user.tenant(), id), MgmtTargetFilterQuery.View.SINGLE, flowOn());
    }

    @PutMapping("/{id}")
    public MgmtTargetFilterQuery update(
            @PathVariable Long id, @Valid @RequestBody MgmtTargetFilterQueryRequestBody body) {
        return changed(
                filters.update(user.tenant(), id, new TargetFilterQueryService.Update(body.name(), body.query())));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        filters.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    /** The auto-assign set, or 204 when the filter has none (as hawkBit answers). */
    @GetMapping("/{id}/autoAssignDS")
    public ResponseEntity<MgmtDistributionSet> autoAssignDs(@PathVariable Long id) {
        var set = filters.get(user.tenant(), id).getAutoAssignDistributionSet();
        return set == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(MgmtDistributionSet.detailed(set));
    }

    @PostMapping("/{id}/autoAssignDS")
    public MgmtTargetFilterQuery setAutoAssignDs(
            @PathVariable Long id, @Valid @RequestBody MgmtDistributionSetAutoAssignment body) {
        return changed(filters.autoAssign(
                user.tenant(),
                id,
                new AutoAssign(
                        body.id(),
                        MgmtAction.parseForceType(body.type()),
                        body.weight(),
                        body.confirmationRequired())));
    }

    @DeleteMapping("/{id}/autoAssignDS")
    public ResponseEntity<Void> deleteAutoAssignDs(@PathVariable Long id) {
        filters.autoAssign(user.tenant(), id, null);
        return ResponseEntity.noContent().build();
    }

    private MgmtTargetFilterQuery changed(TargetFilterQuery filter) {
        return MgmtTargetFilterQuery.of(filter, MgmtTargetFilterQuery.View.CHANGED, flowOn());
    }

    private boolean flowOn() {
        return settings.enabled(user.tenant(), TenantConfigKey.USER_CONFIRMATION_ENABLED);
    }

    private static Integer weight(Integer weight) {
        if (weight != null && (weight < 0 || weight > 1000)) {
            throw new HawkbitException(ServerError.CONSTRAINT_VIOLATION, "autoAssignWeight must be between 0 and 1000");
        }
        return weight;
    }
}
