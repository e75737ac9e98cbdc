package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.confirmation.AutoConfirmService;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.targettype.TargetType;
import io.hawkbit.repository.targettype.TargetTypeService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final TargetTypeService targetTypes;
    private final AutoConfirmService autoConfirm;

    public TargetViews(
            TenantConfigurationService config,
            CurrentUser user,
            Clock clock,
            TargetTypeService targetTypes,
            AutoConfirmService autoConfirm) {
        this.autoConfirm = autoConfirm;
        this.config = config;
        this.user = user;
        this.clock = clock;
        this.targetTypes = targetTypes;
    }

    public PagedList<MgmtTarget> page(Page<Target> page) {
        Polling polling = polling();
        boolean tokens = user.seesTargetTokens();
        Types types = types(page.getContent());
        AutoConfirmed auto = autoConfirmed(page.getContent());
        return PagedList.of(page, t -> MgmtTarget.of(t, types.of(t), polling.of(t), tokens, auto.of(t)));
    }

    public List<MgmtTarget> list(Collection<Target> targets) {
        Polling polling = polling();
        boolean tokens = user.seesTargetTokens();
        Types types = types(targets);
        AutoConfirmed auto = autoConfirmed(targets);
        return targets.stream()
                .map(t -> MgmtTarget.of(t, types.of(t), polling.of(t), tokens, auto.of(t)))
                .toList();
    }

    MgmtTarget detailed(Target target) {
        return MgmtTarget.detailed(
                target,
                types(List.of(target)).of(target),
                polling().of(target),
                user.seesTargetTokens(),
                autoConfirmed(List.of(target)).of(target));
    }

    /** hawkBit shows {@code autoConfirmActive} only while the tenant's confirmation flow is on; one query per page. */
    private AutoConfirmed autoConfirmed(Collection<Target> targets) {
        if (!config.enabled(user.tenant(), TenantConfigKey.USER_CONFIRMATION_ENABLED)) {
            return new AutoConfirmed(false, Set.of());
        }
        return new AutoConfirmed(
                true,
                autoConfirm.activeAmong(targets.stream().map(Target::getId).toList()));
    }

    private record AutoConfirmed(boolean shown, Set<Long> active) {

        Boolean of(Target target) {
            return shown ? active.contains(target.getId()) : null;
        }
    }

    /**
     * The type names of these targets, in one query. The targets are detached (no open session in view): their type
     * is an uninitialized proxy, whose id is known without loading it, but whose name is not.
     */
    private Types types(Collection<Target> targets) {
        Set<Long> ids = new HashSet<>();
        targets.forEach(t -> {
            Long id = typeId(t);
            if (id != null) {
                ids.add(id);
            }
        });
        return new Types(ids.isEmpty() ? Map.of() : targetTypes.names(user.tenant(), ids));
    }

    private static Long typeId(Target target) {
        TargetType type = target.getTargetType();
        return type == null ? null : type.getId();
    }

    private record Types(Map<Long, String> names) {

        MgmtTarget.TypeRef of(Target target) {
            Long id = typeId(target);
            return id == null ? null : new MgmtTarget.TypeRef(id, names.get(id));
        }
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
