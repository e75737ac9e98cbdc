package io.hawkbit.repository.rollout;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.lock.SchedulerProperties;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.CompatibleTargets;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * hawkBit's dynamic groups: the last group of a started dynamic rollout takes the targets that match the rollout's
 * filter now and are in none of its groups, up to its size; when it is full the next dynamic group is added. Runs in
 * the scheduler's transaction, under the rollout's row lock and the cluster's rollout lock, so two nodes never add
 * the same target: a target joins a rollout once.
 */
@Component
class RolloutDynamicGroups {

    private final RolloutGroupRepository groups;
    private final RolloutTargets rolloutTargets;
    private final EntityManager entityManager;
    private final SchedulerProperties properties;
    private final RolloutEvents rolloutEvents;
    private final Clock clock;

    /** Per rollout, when this node's last look-up found no target (epoch ms); see the dynamic-lookup setting. */
    private final Map<Long, Long> foundNone = new ConcurrentHashMap<>();

    RolloutDynamicGroups(
            RolloutGroupRepository groups,
            RolloutTargets rolloutTargets,
            EntityManager entityManager,
            SchedulerProperties properties,
            RolloutEvents rolloutEvents,
            Clock clock) {
        this.groups = groups;
        this.rolloutTargets = rolloutTargets;
        this.entityManager = entityManager;
        this.properties = properties;
        this.rolloutEvents = rolloutEvents;
        this.clock = clock;
    }

    /**
     * One step for a dynamic rollout: adds matching targets to its last group, or the next group when that one is
     * full (or ended). Returns whether it changed anything.
     */
    boolean grow(Rollout rollout, List<RolloutGroup> all, Map<Long, Long> members) {
        RolloutGroup last = all.get(all.size() - 1);
        if (!last.isDynamic() || last.getStatus() == RolloutGroupStatus.READY) {
            return false;
        }
        long size = (long) last.getTargetPercentage();
        long current = members.getOrDefault(last.getId(), 0L);
        boolean ended = last.getStatus() == RolloutGroupStatus.FINISHED || last.getStatus() == RolloutGroupStatus.ERROR;
        if (current >= size || ended) {
            if (all.size() >= RolloutPlanner.MAX_GROUPS) {
                return false;
            }
            RolloutGroup following = RolloutGroup.dynamic(
                    rollout, last.getPosition() + 1, size, last.getConditions(), RolloutGroupStatus.SCHEDULED);
            following.requireConfirmation(last.isConfirmationRequired());
            RolloutGroup next = groups.save(following);
            rolloutEvents.groupUpdated(next);
            return true;
        }
        long now = clock.millis();
        Long emptyAt = foundNone.get(rollout.getId());
        if (emptyAt != null
                && now - emptyAt < properties.getRollout().getDynamicLookup().toMillis()) {
            return false;
        }
        List<Long> joining = candidates(
                rollout, (int) Math.min(size - current, properties.getRollout().getBatchSize()));
        if (joining.isEmpty()) {
            foundNone.put(rollout.getId(), now);
            return false;
        }
        foundNone.remove(rollout.getId());
        rolloutTargets.insert(last.getId(), joining);
        return true;
    }

    /**
     * Targets of the filter, compatible with the set, without the set installed or on its way, in no group of this
     * rollout and without an action of this rollout or a later one (hawkBit's rule: a newer rollout's action
     * overrides), lowest id first.
     */
    private List<Long> candidates(Rollout rollout, int limit) {
        Long rolloutId = rollout.getId();
        Specification<Target> spec = RsqlSpecification.<Target>parse(
                        rollout.getTargetFilterQuery(), TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), rollout.getTenant()))
                .and(RolloutPlanner.notDeploying(rollout.getDistributionSet().getId()))
                .and(CompatibleTargets.withType(
                        rollout.getDistributionSet().getType().getId()))
                .and((root, q, cb) -> {
                    Subquery<Long> member = q.subquery(Long.class);
                    Root<RolloutGroup> group = member.from(RolloutGroup.class);
                    Join<RolloutGroup, Target> target = group.join("targets");
                    member.select(group.get("id"))
                            .where(
                                    cb.equal(group.get("rollout").get("id"), rolloutId),
                                    cb.equal(target.get("id"), root.get("id")));
                    Subquery<Long> overriding = q.subquery(Long.class);
                    Root<Action> action = overriding.from(Action.class);
                    overriding
                            .select(action.get("id"))
                            .where(
                                    cb.equal(action.get("target"), root),
                                    cb.greaterThanOrEqualTo(action.get("rolloutId"), rolloutId));
                    return cb.and(cb.not(cb.exists(member)), cb.not(cb.exists(overriding)));
                });
        return RolloutPlanner.targetIds(entityManager, spec, limit);
    }
}
