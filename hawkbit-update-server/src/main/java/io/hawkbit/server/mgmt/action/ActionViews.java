package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.rest.paging.PagedList;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Builds hawkBit's action bodies. An action knows only its rollout's id; the names come from the rollouts, one query
 * per page.
 */
@Component
public class ActionViews {

    private final RolloutQueries rollouts;
    private final Clock clock;

    public ActionViews(RolloutQueries rollouts, Clock clock) {
        this.rollouts = rollouts;
        this.clock = clock;
    }

    public PagedList<MgmtAction> page(String tenant, Page<Action> page) {
        Map<Long, String> names = rollouts.names(
                tenant,
                page.getContent().stream()
                        .map(Action::getRolloutId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        Instant now = clock.instant();
        return PagedList.of(
                page,
                a -> MgmtAction.of(
                        a,
                        a.getTarget().getControllerId(),
                        a.getRolloutId() == null ? null : names.get(a.getRolloutId()),
                        now));
    }

    public MgmtAction detailed(String tenant, Action action) {
        String name = action.getRolloutId() == null
                ? null
                : rollouts.names(tenant, List.of(action.getRolloutId())).get(action.getRolloutId());
        return MgmtAction.detailed(action, action.getTarget().getControllerId(), name, clock.instant());
    }
}
