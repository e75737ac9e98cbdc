package io.hawkbit.repository.rollout;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Management API reads of rollouts: lists, single rollouts, groups, their targets and counts. */
@Service
public class RolloutQueries {

    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("status", "status"),
            Map.entry("distributionset.id", "distributionSet.id"),
            Map.entry("distributionset.name", "distributionSet.name"),
            Map.entry("distributionset.version", "distributionSet.version"),
            Map.entry("distributionset.type", "distributionSet.type.key"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    /** hawkBit 1.1's {@code RolloutGroupFields}, plus {@code status} kept from before. */
    public static final QueryFields GROUP_FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("status", "status"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final RolloutRepository rollouts;
    private final RolloutGroupRepository groups;
    private final RolloutTargets rolloutTargets;
    private final TargetRepository targets;
    private final RolloutLookup lookup;

    public RolloutQueries(
            RolloutRepository rollouts,
            RolloutGroupRepository groups,
            RolloutTargets rolloutTargets,
            TargetRepository targets,
            RolloutLookup lookup) {
        this.rollouts = rollouts;
        this.groups = groups;
        this.rolloutTargets = rolloutTargets;
        this.targets = targets;
        this.lookup = lookup;
    }

    /** The names of the given rollouts by id; one query, none for an empty list. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(String tenant, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        rollouts.findNames(tenant, ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    @Transactional(readOnly = true)
    public Rollout get(String tenant, Long id) {
        Rollout rollout = lookup.rollout(tenant, id);
        rollout.getDistributionSet().getName();
        return rollout;
    }

    @Transactional(readOnly = true)
    public Page<Rollout> find(String tenant, String rsql, Pageable pageable) {
        Specification<Rollout> spec = RsqlSpecification.<Rollout>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return rollouts.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public Page<RolloutGroup> groups(String tenant, Long rolloutId, String rsql, Pageable pageable) {
        lookup.rollout(tenant, rolloutId);
        Specification<RolloutGroup> spec = RsqlSpecification.<RolloutGroup>parse(rsql, GROUP_FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("rollout").get("id"), rolloutId));
        return groups.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public RolloutGroup group(String tenant, Long rolloutId, Long groupId) {
        lookup.rollout(tenant, rolloutId);
        return groups.findByRolloutIdAndId(rolloutId, groupId)
                .orElseThrow(() -> new EntityNotFoundException("RolloutGroup", groupId));
    }

    /** The targets of a group, filtered and paged like the targets resource. */
    @Transactional(readOnly = true)
    public Page<Target> groupTargets(String tenant, Long rolloutId, Long groupId, String rsql, Pageable pageable) {
        group(tenant, rolloutId, groupId);
        Specification<Target> spec = RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> {
                    var member = q.subquery(Long.class);
                    var group = member.from(RolloutGroup.class);
                    var target = group.join("targets");
                    member.select(target.get("id")).where(cb.equal(group.get("id"), groupId), cb.equal(target, root));
                    return cb.exists(member);
                });
        return targets.findAll(spec, pageable);
    }

    /** Targets per status of a rollout and of each of its groups, as hawkBit's {@code totalTargetsPerStatus} counts them. */
    @Transactional(readOnly = true)
    public RolloutCounts counts(Long rolloutId) {
        return RolloutCounts.of(
                groups.findByRolloutIdOrderByPosition(rolloutId),
                rolloutTargets.targetsPerGroup(rolloutId),
                rolloutTargets.actionsPerGroup(rolloutId));
    }
}
