package io.hawkbit.server.mgmt.distributionset;

import io.hawkbit.repository.distribution.DistributionSetStatistics;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/distributionsets/{id}/statistics}: how many actions, rollouts and filters use a set. */
@RestController
@RequestMapping("/rest/v1/distributionsets/{id}/statistics")
class DistributionSetStatisticsController {

    private final DistributionSetStatistics statistics;
    private final CurrentUser user;

    public DistributionSetStatisticsController(DistributionSetStatistics statistics, CurrentUser user) {
        this.statistics = statistics;
        this.user = user;
    }

    @GetMapping
    public MgmtDistributionSetStatistics all(@PathVariable Long id) {
        String tenant = user.tenant();
        return MgmtDistributionSetStatistics.all(
                statistics.actionsByStatus(tenant, id),
                statistics.rolloutsByStatus(tenant, id),
                statistics.autoAssignments(tenant, id));
    }

    @GetMapping("/actions")
    public MgmtDistributionSetStatistics actions(@PathVariable Long id) {
        return MgmtDistributionSetStatistics.actions(statistics.actionsByStatus(user.tenant(), id));
    }

    @GetMapping("/rollouts")
    public MgmtDistributionSetStatistics rollouts(@PathVariable Long id) {
        return MgmtDistributionSetStatistics.rollouts(statistics.rolloutsByStatus(user.tenant(), id));
    }

    @GetMapping("/autoassignments")
    public MgmtDistributionSetStatistics autoAssignments(@PathVariable Long id) {
        return MgmtDistributionSetStatistics.autoAssignments(statistics.autoAssignments(user.tenant(), id));
    }
}
