package io.hawkbit.repository.action;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Management API reads of actions: one, a target's, the tenant's (RSQL), and an action's status history. */
@Service
public class ActionQueries {

    /** hawkBit 1.1's {@code status} is the detailed state; {@code detailStatus} stays as the 0.x name of the same field. */
    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("status", "status"),
            Map.entry("detailStatus", "status"),
            Map.entry("active", "active"),
            Map.entry("lastStatusCode", "lastActionStatusCode"),
            Map.entry("weight", "weight"),
            Map.entry("forceType", "actionType"),
            Map.entry("target.controllerId", "target.controllerId"),
            Map.entry("target.name", "target.name"),
            Map.entry("target.updateStatus", "target.updateStatus"),
            Map.entry("target.address", "target.address"),
            Map.entry("distributionSet.id", "distributionSet.id"),
            Map.entry("distributionSet.name", "distributionSet.name"),
            Map.entry("distributionSet.version", "distributionSet.version"),
            Map.entry("distributionSet.type", "distributionSet.type.key"),
            Map.entry("rollout.id", "rolloutId"),
            Map.entry("rollout.name", "rollout.name"),
            Map.entry("rolloutGroup.id", "rolloutGroupId"),
            Map.entry("rolloutGroup.name", "rolloutGroup.name"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final TargetService targets;

    public ActionQueries(ActionRepository actions, ActionStatusRepository statuses, TargetService targets) {
        this.actions = actions;
        this.statuses = statuses;
        this.targets = targets;
    }

    @Transactional(readOnly = true)
    public Action actionOf(String tenant, String controllerId, Long actionId) {
        Target target = targets.get(tenant, controllerId);
        Action action = actions.findByTenantAndId(tenant, actionId)
                .filter(a -> a.getTarget().getId().equals(target.getId()))
                .orElseThrow(() -> new EntityNotFoundException("Action", actionId));
        loadForView(action);
        return action;
    }

    @Transactional(readOnly = true)
    public Action action(String tenant, Long actionId) {
        Action action = actions.findByTenantAndId(tenant, actionId)
                .orElseThrow(() -> new EntityNotFoundException("Action", actionId));
        loadForView(action);
        return action;
    }

    /** What the Management API shows of an action beyond its own columns, loaded while the transaction is open. */
    private static void loadForView(Action action) {
        action.getTarget().getControllerId();
        action.getDistributionSet().getName();
    }

    @Transactional(readOnly = true)
    public Page<Action> actionsOf(String tenant, String controllerId, String rsql, Pageable pageable) {
        Target target = targets.get(tenant, controllerId);
        return find(
                tenant,
                rsql,
                pageable,
                (root, q, cb) -> cb.equal(root.get("target").get("id"), target.getId()));
    }

    @Transactional(readOnly = true)
    public Page<Action> find(String tenant, String rsql, Pageable pageable) {
        return find(tenant, rsql, pageable, (root, q, cb) -> null);
    }

    private Page<Action> find(String tenant, String rsql, Pageable pageable, Specification<Action> scope) {
        Specification<Action> spec = RsqlSpecification.<Action>parse(rsql, FIELDS)
                .and(scope)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        Page<Action> page = actions.findAll(spec, pageable);
        page.forEach(ActionQueries::loadForView);
        return page;
    }

    @Transactional(readOnly = true)
    public Page<ActionStatus> statusesOf(String tenant, String controllerId, Long actionId, Pageable pageable) {
        actionOf(tenant, controllerId, actionId);
        Page<ActionStatus> page = statuses.findByActionId(actionId, pageable);
        page.forEach(status -> status.getMessages().size());
        return page;
    }
}
