package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code /rest/v1/distributionsets/{id}/assignedTargets} and {@code installedTargets}: served here so the
 * set resource needs nothing of targets.
 */
@RestController
@RequestMapping("/rest/v1/distributionsets/{id}")
class DistributionSetTargetsController {

    private final DistributionSetService sets;
    private final TargetService targets;
    private final TargetViews views;
    private final CurrentUser user;

    public DistributionSetTargetsController(
            DistributionSetService sets, TargetService targets, TargetViews views, CurrentUser user) {
        this.sets = sets;
        this.targets = targets;
        this.views = views;
        this.user = user;
    }

    @GetMapping("/assignedTargets")
    public PagedList<MgmtTarget> assigned(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("controllerId"));
        sets.get(user.tenant(), id);
        return views.page(targets.withAssignedSet(user.tenant(), id, q, pageable));
    }

    @GetMapping("/installedTargets")
    public PagedList<MgmtTarget> installed(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("controllerId"));
        sets.get(user.tenant(), id);
        return views.page(targets.withInstalledSet(user.tenant(), id, q, pageable));
    }
}
