package io.hawkbit.repository.rollout;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionCancellation;
import io.hawkbit.repository.action.ActionRepository;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.RolloutDeletedEvent;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's rollout state machine: approve, start, pause, resume, next group, stop; rename and delete. */
@Service
public class RolloutCommands {

    private static final RolloutStatus[] STOPPABLE = {
        RolloutStatus.READY,
        RolloutStatus.WAITING_FOR_APPROVAL,
        RolloutStatus.STARTING,
        RolloutStatus.RUNNING,
        RolloutStatus.PAUSED
    };

    private final RolloutRepository rollouts;
    private final RolloutGroupRepository groups;
    private final ActionRepository actions;
    private final ActionCancellation cancellation;
    private final RolloutLookup lookup;
    private final RolloutEvents rolloutEvents;
    private final ApplicationEventPublisher local;
    private final ClusterEventPublisher events;

    public RolloutCommands(
            RolloutRepository rollouts,
            RolloutGroupRepository groups,
            ActionRepository actions,
            ActionCancellation cancellation,
            RolloutLookup lookup,
            RolloutEvents rolloutEvents,
            ApplicationEventPublisher local,
            ClusterEventPublisher events) {
        this.rollouts = rollouts;
        this.groups = groups;
        this.actions = actions;
        this.cancellation = cancellation;
        this.lookup = lookup;
        this.rolloutEvents = rolloutEvents;
        this.local = local;
        this.events = events;
    }

    @Transactional
    public Rollout update(String tenant, Long id, String name, String description) {
        return update(tenant, id, name, description, false, null);
    }

    /**
     * Renames, describes and, when {@code changePace}, re-paces a rollout in one transaction; a new pace applies
     * from the scheduler's next step, which runs right after the commit.
     */
    @Transactional
    public Rollout update(
            String tenant, Long id, String name, String description, boolean changePace, RolloutPace pace) {
        Rollout rollout = lookup.locked(tenant, id);
        if (changePace) {
            rollout.setPace(pace);
            local.publishEvent(new RolloutWorkPending(tenant, id));
        }
        if (name != null && !name.equals(rollout.getName())) {
            if (rollouts.existsByTenantAndName(tenant, name)) {
                throw new EntityAlreadyExistsException("A rollout named '" + name + "' exists already");
            }
            rollout.setName(name);
        }
        if (description != null) {
            rollout.setDescription(description);
        }
        return rolloutEvents.updated(rollouts.saveAndFlush(rollout));
    }

    /**
     * Deletes a rollout that never created an action; one that did is kept for its actions' history but hidden and
     * never progresses again (its running actions go on, as in hawkBit).
     */
    @Transactional
    public void delete(String tenant, Long id) {
        Rollout rollout = lookup.locked(tenant, id);
        if (actions.exists((root, q, cb) -> cb.equal(root.get("rolloutId"), id))) {
            rollout.markDeleted();
            rollouts.flush();
        } else {
            rollouts.delete(rollout);
            rollouts.flush();
        }
        events.publish(new RolloutDeletedEvent(tenant, id, events.origin()));
    }

    @Transactional
    public Rollout approve(String tenant, Long id, String user, String remark, boolean approved) {
        Rollout rollout = lookup.inState(tenant, id, "approved or denied", RolloutStatus.WAITING_FOR_APPROVAL);
        rollout.decideApproval(user, remark, approved);
        return rolloutEvents.updated(rollouts.saveAndFlush(rollout));
    }

    /** Starts a ready rollout: its groups are scheduled and the scheduler starts the first one right after the commit. */
    @Transactional
    public Rollout start(String tenant, Long id) {
        Rollout rollout = lookup.inState(tenant, id, "started", RolloutStatus.READY);
        if (rollout.getDistributionSet().isDeleted()) {
            throw new HawkbitException(
                    ServerError.ROLLOUT_ILLEGAL_STATE,
                    "Rollout " + id + " cannot start: its distribution set was deleted");
        }
        schedule(rollout);
        return rollout;
    }

    /**
     * READY → STARTING with every group scheduled, inside the caller's transaction; also what the scheduler does
     * when a rollout's startAt has come. Public so calls through this bean's proxy reach the real instance.
     */
    public void schedule(Rollout rollout) {
        rollout.setStatus(RolloutStatus.STARTING);
        for (RolloutGroup group : groups.findByRolloutIdOrderByPosition(rollout.getId())) {
            group.setStatus(RolloutGroupStatus.SCHEDULED);
        }
        rollouts.flush();
        rolloutEvents.updated(rollout);
        local.publishEvent(new RolloutWorkPending(rollout.getTenant(), rollout.getId()));
    }

    @Transactional
    public Rollout pause(String tenant, Long id) {
        Rollout rollout = lookup.inState(tenant, id, "paused", RolloutStatus.RUNNING);
        rollout.setStatus(RolloutStatus.PAUSED);
        return rolloutEvents.updated(rollouts.saveAndFlush(rollout));
    }

    /** Resumes a paused rollout; a group that paused it stays in error and the next group may start. */
    @Transactional
    public Rollout resume(String tenant, Long id) {
        Rollout rollout = lookup.inState(tenant, id, "resumed", RolloutStatus.PAUSED);
        rollout.setStatus(RolloutStatus.RUNNING);
        local.publishEvent(new RolloutWorkPending(tenant, id));
        return rolloutEvents.updated(rollouts.saveAndFlush(rollout));
    }

    /** Starts the next scheduled group now, whatever the thresholds of the running one say. */
    @Transactional
    public RolloutGroup triggerNextGroup(String tenant, Long id) {
        Rollout rollout = lookup.inState(tenant, id, "moved to its next group", RolloutStatus.RUNNING);
        RolloutGroup next = groups.findByRolloutIdOrderByPosition(id).stream()
                .filter(g -> g.getStatus() == RolloutGroupStatus.SCHEDULED)
                .findFirst()
                .orElseThrow(() -> new HawkbitException(
                        ServerError.ROLLOUT_ILLEGAL_STATE, "Rollout " + id + " has no scheduled group left"));
        next.setStatus(RolloutGroupStatus.RUNNING);
        rollout.setStatus(RolloutStatus.RUNNING);
        groups.flush();
        rolloutEvents.groupUpdated(next);
        local.publishEvent(new RolloutWorkPending(tenant, id));
        return next;
    }

    /**
     * Stops a rollout for good: groups not started never start, and the open actions it created are canceled (the
     * devices are asked to stop, as a Management cancel does).
     */
    @Transactional
    public Rollout stop(String tenant, Long id, String user) {
        Rollout rollout = lookup.inState(tenant, id, "stopped", STOPPABLE);
        List<Action> open = actions.findAll(
                (root, q, cb) -> cb.and(cb.equal(root.get("rolloutId"), id), cb.isTrue(root.get("active"))));
        for (Action action : open) {
            if (!action.isCancelingOrCanceled()) {
                cancellation.cancel(tenant, action.getTarget().getControllerId(), action.getId(), false, user);
            }
        }
        for (RolloutGroup group : groups.findByRolloutIdOrderByPosition(id)) {
            if (group.getStatus() != RolloutGroupStatus.FINISHED && group.getStatus() != RolloutGroupStatus.ERROR) {
                group.setStatus(RolloutGroupStatus.FINISHED);
                rolloutEvents.groupUpdated(group);
            }
        }
        rollout.setStatus(RolloutStatus.STOPPED);
        return rolloutEvents.updated(rollouts.saveAndFlush(rollout));
    }

    /** Stops every rollout of the set that can still be stopped, as hawkBit does when a set is invalidated. */
    @Transactional
    public void stopAll(String tenant, Long distributionSetId, String user) {
        List<Rollout> stoppable = rollouts.findAll((root, q, cb) -> cb.and(
                cb.equal(root.get("tenant"), tenant),
                cb.equal(root.get("distributionSet").get("id"), distributionSetId),
                root.get("status").in((Object[]) STOPPABLE)));
        for (Rollout rollout : stoppable) {
            stop(tenant, rollout.getId(), user);
        }
    }
}
