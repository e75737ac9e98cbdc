package io.hawkbit.repository.action;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.repository.targettype.IncompatibleTargetTypeException;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that targets have a distribution set installed which reached them outside the server (hawkBit's offline
 * assignment): a finished action each, the set as assigned and installed, the target in sync. Nothing is sent to the
 * device and no open action is touched.
 */
@Service
public class OfflineAssignment {

    /** Most values in one SQL IN list. */
    private final ActionRepository actions;

    private final ActionStatusRepository statuses;
    private final TargetRepository targets;
    private final DistributionSetService distributionSets;
    private final TenantConfigurationService config;
    private final Clock clock;
    private final ClusterEventPublisher events;
    private final ActionEvents actionEvents;
    private final TargetEvents targetEvents;
    private final ActionQuota actionQuota;

    public OfflineAssignment(
            ActionRepository actions,
            ActionStatusRepository statuses,
            TargetRepository targets,
            DistributionSetService distributionSets,
            TenantConfigurationService config,
            Clock clock,
            ClusterEventPublisher events,
            ActionEvents actionEvents,
            TargetEvents targetEvents,
            ActionQuota actionQuota) {
        this.actions = actions;
        this.statuses = statuses;
        this.targets = targets;
        this.distributionSets = distributionSets;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.actionEvents = actionEvents;
        this.targetEvents = targetEvents;
        this.actionQuota = actionQuota;
    }

    /**
     * The finished actions recorded, and how many known targets were left alone: without multi-assignment, those
     * that have the set assigned already or wait for another update (pending), as in hawkBit.
     */
    public record Result(List<Action> recorded, int alreadyAssigned) {}

    /**
     * Records the set as installed on the targets, in one transaction. Unknown controller ids are skipped, as hawkBit
     * skips them; a target whose type is not compatible with the set refuses the whole request. Each recorded install
     * is an action, so the per-target action quota holds here too.
     *
     * @throws io.hawkbit.repository.error.EntityNotFoundException when the set is unknown or deleted
     * @throws IncompatibleTargetTypeException when a target's type does not list the set's type
     */
    @Transactional
    public Result record(String tenant, Long distributionSetId, Collection<String> controllerIds, String user) {
        DistributionSet set = distributionSets.deployable(tenant, distributionSetId);
        actionQuota.makeRoom(tenant, controllerIds.stream().distinct().toList());
        List<Target> found = find(tenant, controllerIds);
        for (Target target : found) {
            if (target.getTargetType() != null && !target.getTargetType().isCompatibleWith(set.getType())) {
                throw new IncompatibleTargetTypeException(
                        target.getTargetType().getName(), set.getType().getName());
            }
        }
        boolean multiAssignment = config.enabled(tenant, TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED);
        long now = clock.millis();
        List<Action> recorded = new ArrayList<>();
        int already = 0;
        for (Target target : found) {
            if (!multiAssignment && (target.getUpdateStatus() == TargetUpdateStatus.PENDING || assigned(target, set))) {
                already++;
                continue;
            }
            Action action = new Action(target, set, ActionType.FORCED, 0L, null);
            action.closeAsInstalledOffline();
            actions.save(action);
            statuses.save(new ActionStatus(
                    action,
                    ActionState.FINISHED,
                    now,
                    null,
                    List.of(
                            "Assignment initiated by user '" + user + "'",
                            "Update Server: Action reported as offline deployment"),
                    user));
            target.setAssignedDistributionSet(set);
            target.setInstalledDistributionSet(set);
            target.setInstallDate(now);
            target.setUpdateStatus(TargetUpdateStatus.IN_SYNC);
            recorded.add(action);
        }
        boolean locks = !recorded.isEmpty() && !set.isLocked();
        if (locks) {
            set.lock();
        }
        actions.flush();
        for (Action action : recorded) {
            actionEvents.created(action);
            targetEvents.updated(action.getTarget());
        }
        if (locks) {
            events.publish(new DistributionSetUpdatedEvent(tenant, set.getId(), events.origin()));
        }
        return new Result(recorded, already);
    }

    /** Several sets for one target (multi-assignment), all or none, one result per set in the given order. */
    @Transactional
    public List<Result> recordEach(
            String tenant, Collection<Long> distributionSetIds, String controllerId, String user) {
        List<Result> results = new ArrayList<>();
        for (Long set : distributionSetIds) {
            results.add(record(tenant, set, List.of(controllerId), user));
        }
        return results;
    }

    private static boolean assigned(Target target, DistributionSet set) {
        return target.getAssignedDistributionSet() != null
                && Objects.equals(target.getAssignedDistributionSet().getId(), set.getId());
    }

    private List<Target> find(String tenant, Collection<String> controllerIds) {
        List<String> ids = controllerIds.stream().distinct().toList();
        List<Target> found = BatchQuota.inChunks(ids, chunk -> targets.findByTenantAndControllerIdIn(tenant, chunk));
        // A case-insensitive collation may match another spelling; only the stored one counts.
        Set<String> wanted = new HashSet<>(ids);
        found.removeIf(t -> !wanted.contains(t.getControllerId()));
        found.sort(Comparator.comparing(Target::getId));
        return found;
    }
}
