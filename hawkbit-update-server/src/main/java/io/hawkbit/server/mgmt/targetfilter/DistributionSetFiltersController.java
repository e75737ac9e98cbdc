package io.hawkbit.server.mgmt.targetfilter;

import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.targetfilter.TargetFilterQueryService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code /rest/v1/distributionsets/{id}/autoAssignTargetFilters}: served here so the set resource needs
 * nothing of filters.
 */
@RestController
class DistributionSetFiltersController {

    private final DistributionSetService sets;
    private final TargetFilterQueryService filters;
    private final CurrentUser user;

    public DistributionSetFiltersController(
            DistributionSetService sets, TargetFilterQueryService filters, CurrentUser user) {
        this.sets = sets;
        this.filters = filters;
        this.user = user;
    }

    @GetMapping("/rest/v1/distributionsets/{id}/autoAssignTargetFilters")
    public PagedList<MgmtTargetFilterQuery> autoAssigning(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetFilterQueryService.FIELDS, Sort.by("id"));
        sets.get(user.tenant(), id);
        return PagedList.of(
                filters.autoAssigning(user.tenant(), id, q, pageable),
                filter -> MgmtTargetFilterQuery.of(filter, MgmtTargetFilterQuery.View.COMPACT));
    }
}
