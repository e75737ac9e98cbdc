package io.hawkbit.server.ui;

import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.rest.security.Role;
import io.hawkbit.server.cluster.ClusterPollRate;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The dashboard: targets by update status, DDI polls per minute across the cluster, devices polling, overdue targets,
 * running rollouts with their progress.
 */
@Controller
class DashboardController {

    private static final PageRequest COUNT_ONLY = PageRequest.of(0, 1);

    private final TargetService targets;
    private final RolloutQueries rollouts;
    private final ClusterPollRate polls;
    private final CurrentUser user;
    private final Clock clock;

    DashboardController(
            TargetService targets, RolloutQueries rollouts, ClusterPollRate polls, CurrentUser user, Clock clock) {
        this.targets = targets;
        this.rollouts = rollouts;
        this.polls = polls;
        this.user = user;
        this.clock = clock;
    }

    /** A running rollout and how much of it is done, in percent of its targets. */
    record RolloutRow(Long id, String name, long total, long finished, long error, long running, int percent) {}

    @GetMapping({"/ui", "/ui/"})
    String dashboard(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String tenant = user.tenant();
        String polledFilter = "lastControllerRequestAt=ge=" + (clock.millis() - 60_000);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TargetUpdateStatus status : TargetUpdateStatus.values()) {
            byStatus.put(status.json(), count(tenant, "updateStatus==" + status.json()));
        }
        model.addAttribute("byStatus", byStatus)
                .addAttribute("total", count(tenant, null))
                .addAttribute("overdue", count(tenant, "overdue==true"))
                // From the targets' last poll, which every node writes to the database: the whole cluster's devices.
                .addAttribute("polledFilter", polledFilter)
                .addAttribute("polledLastMinute", count(tenant, polledFilter))
                // Node-wide, every tenant's polls: for system admins only, as the cluster page's node table.
                .addAttribute("polls", user.has(Role.SYSTEM_ADMIN) ? polls.lastMinute() : null)
                .addAttribute("rollouts", running(tenant));
        return htmx != null ? "ui/dashboard :: tiles" : "ui/dashboard";
    }

    private long count(String tenant, String rsql) {
        return targets.find(tenant, rsql, COUNT_ONLY).getTotalElements();
    }

    private List<RolloutRow> running(String tenant) {
        return rollouts.find(tenant, "status==running", PageRequest.of(0, 20, Sort.by("id"))).getContent().stream()
                .map(r -> {
                    RolloutCounts.Counts counts = rollouts.counts(r.getId()).rollout();
                    long finished = counts.perStatus().getOrDefault("finished", 0L);
                    long error = counts.perStatus().getOrDefault("error", 0L);
                    int percent = counts.total() == 0 ? 0 : (int) (100 * (finished + error) / counts.total());
                    return new RolloutRow(
                            r.getId(),
                            r.getName(),
                            counts.total(),
                            finished,
                            error,
                            counts.perStatus().getOrDefault("running", 0L),
                            percent);
                })
                .toList();
    }
}
