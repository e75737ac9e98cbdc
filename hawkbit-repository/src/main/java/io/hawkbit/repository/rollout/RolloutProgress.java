package io.hawkbit.repository.rollout;

import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.action.DeploymentService.Assignment;
import io.hawkbit.repository.action.DeploymentService.AssignmentResult;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.rollout.RolloutTargets.GroupActions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rollout's way forward, as the rollout scheduler drives it under the cluster lock: create the actions of
 * running groups (in bounded transactions), then decide on thresholds, repeated while a decision started another
 * group. Every step locks the rollout's row first ({@link RolloutRepository#findForUpdate(Long)}), as the operator's
 * pause, stop and resume do: a pause or stop is never overtaken by a step that read the rollout before it.
 */
@Component
class RolloutProgress {

    private static final Set<RolloutStatus> ACTIVE = Set.of(RolloutStatus.STARTING, RolloutStatus.RUNNING);

    private final RolloutRepository rollouts;
    private final RolloutGroupRepository groups;
    private final RolloutTargets rolloutTargets;
    private final RolloutCommands commands;
    private final DeploymentService deployments;
    private final SchedulerProperties properties;
    private final TransactionTemplate transactions;
    private final RolloutEvents rolloutEvents;
    private final RolloutDynamicGroups dynamicGroups;
    private final RolloutPacer pacer;
    private final MeterRegistry meters;
    private final Clock clock;

    public RolloutProgress(
            RolloutRepository rollouts,
            RolloutGroupRepository groups,
            RolloutTargets rolloutTargets,
            RolloutCommands commands,
            DeploymentService deployments,
            SchedulerProperties properties,
            TransactionTemplate transactions,
            RolloutEvents rolloutEvents,
            RolloutDynamicGroups dynamicGroups,
            RolloutPacer pacer,
            MeterRegistry meters,
            Clock clock) {
        this.rollouts = rollouts;
        this.groups = groups;
        this.rolloutTargets = rolloutTargets;
        this.commands = commands;
        this.deployments = deployments;
        this.properties = properties;
        this.transactions = transactions;
        this.rolloutEvents = rolloutEvents;
        this.dynamicGroups = dynamicGroups;
        this.pacer = pacer;
        this.meters = meters;
        this.clock = clock;
    }

    /** Ids of the tenant's rollouts with work: starting, running, or ready with their start time come. */
    public List<Long> work(String tenant) {
        return transactions.execute(status -> rollouts.findWork(tenant, ACTIVE, clock.millis()));
    }

    /** Moves one rollout as far as it can go now. */
    public void advance(Long rolloutId) {
        // Each decision that changed something may allow the next (an empty group finishes at once): bounded by groups.
        for (int steps = 0; steps < RolloutPlanner.MAX_GROUPS + 2; steps++) {
            fill(rolloutId);
            if (!Boolean.TRUE.equals(transactions.execute(status -> decide(rolloutId)))) {
                return;
            }
        }
    }

    /** Creates the missing actions of the running groups, a batch per transaction, while the rollout is active. */
    private void fill(Long rolloutId) {
        List<Long> running = transactions.execute(status -> {
            Rollout rollout = rollouts.findById(rolloutId).orElse(null);
            if (rollout == null || !ACTIVE.contains(rollout.getStatus())) {
                return List.<Long>of();
            }
            return groups.findByRolloutIdOrderByPosition(rolloutId).stream()
                    .filter(g -> g.getStatus() == RolloutGroupStatus.RUNNING)
                    .map(RolloutGroup::getId)
                    .toList();
        });
        for (Long groupId : running) {
            // Batches in target id order, each reading on from where the one before ended: every member up to there
            // got its action or left the group.
            long after = 0;
            while (after >= 0) {
                long from = after;
                after = transactions.execute(status -> fillBatch(rolloutId, groupId, from));
            }
        }
    }

    /** One batch of the group's members above {@code after}; returns the last one's target id, -1 when done. */
    private long fillBatch(Long rolloutId, Long groupId, long after) {
        Rollout rollout = rollouts.findForUpdate(rolloutId).orElse(null);
        if (rollout == null || !ACTIVE.contains(rollout.getStatus())) {
            return -1;
        }
        return fillBatch(rollout, groupId, after);
    }

    private long fillBatch(Rollout rollout, Long groupId, long after) {
        // A paced rollout gets fewer (or no) actions now; the rest come on later runs, once actions closed or the
        // minute moved on.
        int limit = pacer.allowance(rollout, properties.getRollout().getBatchSize());
        if (limit == 0) {
            return -1;
        }
        List<RolloutTargets.Member> members = rolloutTargets.withoutAction(groupId, after, limit);
        if (members.isEmpty()) {
            return -1;
        }
        List<String> pending =
                members.stream().map(RolloutTargets.Member::controllerId).toList();
        RolloutGroup group = groups.getReferenceById(groupId);
        List<Assignment> assignments = pending.stream()
                .map(id -> new Assignment(id, rollout.getActionType(), rollout.getForcedTime(), rollout.getWeight()))
                .toList();
        AssignmentResult result = deployments.assign(
                new DeploymentService.RolloutOrigin(
                        rollout.getTenant(),
                        rollout.getDistributionSet().getId(),
                        rollout.getId(),
                        rollout.getName(),
                        groupId,
                        group.getName(),
                        group.isConfirmationRequired()),
                assignments,
                rollout.getCreatedBy());
        if (!result.incompatible().isEmpty()) {
            // The target's type changed since the rollout was planned: hawkBit leaves such targets out of rollouts.
            rolloutTargets.remove(
                    groupId, result.incompatible().stream().map(t -> t.getId()).toList());
        }
        if (!result.alreadyAssigned().isEmpty()) {
            // Assigned the same set meanwhile (by hand, another rollout): not this group's to deploy, nor to wait for.
            rolloutTargets.remove(
                    groupId,
                    result.alreadyAssigned().stream()
                            .map(a -> a.getTarget().getId())
                            .toList());
        }
        meters.counter("hawkbit.rollout.actions.created")
                .increment(result.assigned().size());
        return members.get(members.size() - 1).targetId();
    }

    /**
     * Applies the thresholds once: a running group crossing its error threshold (or ending below its success
     * threshold) pauses the rollout; a running group whose actions all closed finishes; the next scheduled group
     * starts when the one before it reached its success threshold or ended; the rollout finishes with its last
     * group. Returns whether anything changed.
     */
    private boolean decide(Long rolloutId) {
        Rollout rollout = rollouts.findForUpdate(rolloutId).orElse(null);
        if (rollout == null) {
            return false;
        }
        boolean changed = false;
        if (rollout.getStatus() == RolloutStatus.READY
                && rollout.getStartAt() != null
                && rollout.getStartAt() <= clock.millis()) {
            commands.schedule(rollout);
            changed = true;
        }
        if (!ACTIVE.contains(rollout.getStatus())) {
            return changed;
        }
        List<RolloutGroup> all = groups.findByRolloutIdOrderByPosition(rolloutId);
        Map<Long, Long> targets = rolloutTargets.targetsPerGroup(rolloutId);
        if (rollout.isDynamic() && dynamicGroups.grow(rollout, all, targets)) {
            // Decided on the next step, with the new members (and their actions, when their group runs).
            return true;
        }
        Map<Long, GroupActions> actions = rolloutTargets.actionsPerGroup(rolloutId);
        for (RolloutGroup group : all) {
            if (group.getStatus() != RolloutGroupStatus.RUNNING) {
                continue;
            }
            // A dynamic group that is not full yet waits for more targets rather than finishing.
            long total = group.expectedSize(targets.getOrDefault(group.getId(), 0L));
            GroupActions counts = actions.getOrDefault(group.getId(), GroupActions.NONE);
            RolloutConditions conditions = group.getConditions();
            // Failures only grow: the error threshold holds even while a paced (or dynamic) group still waits for
            // actions, so a paced rollout pauses before reaching the rest of the group.
            boolean failing = conditions.errorExceeded(counts.failed(), total);
            if (!failing && counts.total() < total) {
                continue;
            }
            boolean ended = counts.open() == 0 && counts.total() >= total;
            if (failing || (ended && !conditions.successReached(counts.finished(), total))) {
                groupStatus(group, RolloutGroupStatus.ERROR);
                rolloutStatus(rollout, RolloutStatus.PAUSED);
                meters.counter("hawkbit.rollout.paused").increment();
                return true;
            }
            if (ended) {
                groupStatus(group, RolloutGroupStatus.FINISHED);
                changed = true;
            }
        }
        RolloutGroup next = all.stream()
                .filter(g -> g.getStatus() == RolloutGroupStatus.SCHEDULED)
                .findFirst()
                .orElse(null);
        if (next != null) {
            RolloutGroup previous = all.stream()
                    .filter(g -> g.getPosition() < next.getPosition())
                    .reduce((first, second) -> second)
                    .orElse(null);
            if (previous == null
                    || previous.getStatus() == RolloutGroupStatus.FINISHED
                    || previous.getStatus() == RolloutGroupStatus.ERROR
                    || (previous.getStatus() == RolloutGroupStatus.RUNNING
                            && previous.getConditions()
                                    .successReached(
                                            actions.getOrDefault(previous.getId(), GroupActions.NONE)
                                                    .finished(),
                                            previous.expectedSize(targets.getOrDefault(previous.getId(), 0L))))) {
                groupStatus(next, RolloutGroupStatus.RUNNING);
                // The first batch of actions commits with the status, so a running group (up to a batch) has its
                // actions.
                fillBatch(rollout, next.getId(), 0);
                meters.counter("hawkbit.rollout.groups.started").increment();
                changed = true;
            }
        }
        if (rollout.getStatus() == RolloutStatus.STARTING) {
            rolloutStatus(rollout, RolloutStatus.RUNNING);
            changed = true;
        }
        if (all.stream()
                .noneMatch(g ->
                        g.getStatus() == RolloutGroupStatus.SCHEDULED || g.getStatus() == RolloutGroupStatus.RUNNING)) {
            rolloutStatus(rollout, RolloutStatus.FINISHED);
            changed = true;
        }
        return changed;
    }

    private void groupStatus(RolloutGroup group, RolloutGroupStatus status) {
        group.setStatus(status);
        rolloutEvents.groupUpdated(group);
    }

    private void rolloutStatus(Rollout rollout, RolloutStatus status) {
        rollout.setStatus(status);
        rolloutEvents.updated(rollout);
    }
}
