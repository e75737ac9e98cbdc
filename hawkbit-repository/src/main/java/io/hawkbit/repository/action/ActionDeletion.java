package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ActionsDeletedEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes action history on the operator's request, with the actions' status entries. Only closed actions are
 * deleted: an open one is what its device works on, so naming one refuses the whole request, and a filter or
 * {@code keepLast} passes over it. Publishes {@link ActionsDeletedEvent}, as the action cleanup does, so every node
 * evicts the poll answers whose {@code installedBase} link may name a deleted action.
 */
@Service
public class ActionDeletion {

    private final ActionRepository actions;
    private final TargetService targets;
    private final ClusterEventPublisher events;

    public ActionDeletion(ActionRepository actions, TargetService targets, ClusterEventPublisher events) {
        this.actions = actions;
        this.targets = targets;
        this.events = events;
    }

    /** Deletes one closed action of the tenant; 404 when unknown, 400 when open. */
    @Transactional
    public void delete(String tenant, Long actionId) {
        delete(tenant, List.of(actionId));
    }

    /** Deletes the named closed actions of the tenant: all or none (404 naming an unknown one, 400 an open one). */
    @Transactional
    public void delete(String tenant, Collection<Long> actionIds) {
        remove(tenant, named(tenant, actionIds, action -> true));
    }

    /** As {@link #delete(String, Collection)}, for actions of one target: another target's action is unknown here. */
    @Transactional
    public void deleteOfTarget(String tenant, String controllerId, Collection<Long> actionIds) {
        Target target = targets.get(tenant, controllerId);
        remove(
                tenant,
                named(tenant, actionIds, action -> action.getTarget().getId().equals(target.getId())));
    }

    /** Deletes the closed actions of the target but its newest {@code keepLast} (open ones count among those kept). */
    @Transactional
    public void keepLast(String tenant, String controllerId, int keepLast) {
        Target target = targets.get(tenant, controllerId);
        List<Long> older = actions.findIdsNewestFirst(target.getId()).stream()
                .skip(keepLast)
                .filter(row -> !((Boolean) row[1]))
                .map(row -> (Long) row[0])
                .toList();
        remove(tenant, BatchQuota.inChunks(older, actions::findAllById));
    }

    /**
     * Deletes up to {@code count} of the target's oldest closed actions and returns how many it deleted: an assignment
     * making room under the action quota. Open actions stay, however old.
     */
    @Transactional
    public int deleteOldestClosed(String tenant, Long targetId, int count) {
        List<Object[]> newestFirst = actions.findIdsNewestFirst(targetId);
        List<Long> oldest = new ArrayList<>();
        for (int i = newestFirst.size() - 1; i >= 0 && oldest.size() < count; i--) {
            if (!((Boolean) newestFirst.get(i)[1])) {
                oldest.add((Long) newestFirst.get(i)[0]);
            }
        }
        remove(tenant, BatchQuota.inChunks(oldest, actions::findAllById));
        return oldest.size();
    }

    /** Deletes the closed actions of the tenant that the RSQL query matches; matching open actions stay. */
    @Transactional
    public void deleteMatching(String tenant, String rsql) {
        Specification<Action> spec = RsqlSpecification.<Action>parse(rsql, ActionQueries.FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("active"))));
        remove(tenant, actions.findAll(spec));
    }

    private List<Action> named(String tenant, Collection<Long> actionIds, Predicate<Action> inScope) {
        Set<Long> ids = new LinkedHashSet<>(actionIds);
        Map<Long, Action> found = BatchQuota.inChunks(ids, actions::findAllById).stream()
                .filter(action -> action.getTenant().equals(tenant) && inScope.test(action))
                .collect(Collectors.toMap(Action::getId, Function.identity()));
        List<Action> named = new ArrayList<>();
        for (Long id : ids) {
            Action action = found.get(id);
            if (action == null) {
                throw new EntityNotFoundException("Action", id);
            }
            if (action.isActive()) {
                throw new HawkbitException(
                        ServerError.PARAM_INVALID,
                        "Action " + id + " is open; cancel it (or let it finish) before deleting it");
            }
            named.add(action);
        }
        return named;
    }

    private void remove(String tenant, List<Action> closed) {
        if (closed.isEmpty()) {
            return;
        }
        List<Long> ids = closed.stream().map(Action::getId).toList();
        List<String> controllerIds = closed.stream()
                .map(action -> action.getTarget().getControllerId())
                .distinct()
                .toList();
        BatchQuota.inChunks(ids, chunk -> {
            actions.deleteAllByIdInBatch(chunk);
            return List.of();
        });
        events.publish(new ActionsDeletedEvent(tenant, ids, controllerIds, events.origin()));
    }
}
