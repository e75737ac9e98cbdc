package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Builds hawkBit's target bodies with their {@code pollStatus}, on list items as on single resources (hawkBit 0.6+ puts
 * it on every item). The tenant's polling times are read once per page; the security token only for callers allowed
 * to see it.
 */
@Component
public class TargetViews {

    private final TenantConfigurationService config;
    private final CurrentUser user;
    private final Clock clock;

    public TargetViews(TenantConfigurationService config, CurrentUser user, Clock clock) {
        this.config = config;
        this.user = user;
        this.clock = clock;
    }

    public PagedList<MgmtTarget> page(Page<Target> page) {
        Polling polling = polling();
        boolean tokens = user.seesTargetTokens();
        return PagedList.of(page, t -> MgmtTarget.of(t, polling.of(t), tokens));
    }

    public List<MgmtTarget> list(Collection<Target> targets) {
        Polling polling = polling();
        boolean tokens = user.seesTargetTokens();
        return targets.stream()
                .map(t -> MgmtTarget.of(t, polling.of(t), tokens))
                .toList();
    }

    MgmtTarget detailed(Target target) {
        return MgmtTarget.detailed(target, polling().of(target), user.seesTargetTokens());
    }

    private Polling polling() {
        String tenant = user.tenant();
        return new Polling(
                config.duration(tenant, TenantConfigKey.POLLING_TIME),
                config.duration(tenant, TenantConfigKey.POLLING_OVERDUE_TIME),
                clock.millis());
    }

    private record Polling(Duration pollingTime, Duration overdueTime, long now) {

        MgmtPollStatus of(Target target) {
            return MgmtPollStatus.of(target.getLastTargetQuery(), pollingTime, overdueTime, now);
        }
    }
}
