package io.hawkbit.repository.rollout;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionState;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.RolloutCreatedEvent;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.CompatibleTargets;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans a rollout: checks its definition, splits the matching targets into its groups and stores them, at once. */
@Service
public class RolloutPlanner {

    /** hawkBit's quotas: groups per rollout and targets per group. */
    static final int MAX_GROUPS = 500;

    static final int MAX_TARGETS_PER_GROUP = 20_000;

    private final RolloutRepository rollouts;
    private final RolloutGroupRepository groups;
    private final RolloutTargets rolloutTargets;
    private final DistributionSetService distributionSets;
    private final TenantConfigurationService config;
    private final EntityManager entityManager;
    private final RolloutLookup lookup;
    private final ClusterEventPublisher events;

    public RolloutPlanner(
            RolloutRepository rollouts,
            RolloutGroupRepository groups,
            RolloutTargets rolloutTargets,
            DistributionSetService distributionSets,
            TenantConfigurationService config,
            EntityManager entityManager,
            RolloutLookup lookup,
            ClusterEventPublisher events) {
        this.rollouts = rollouts;
        this.groups = groups;
        this.rolloutTargets = rolloutTargets;
        this.distributionSets = distributionSets;
        this.config = config;
        this.entityManager = entityManager;
        this.lookup = lookup;
        this.events = events;
    }

    /** A group asked for explicitly: an optional extra filter and the share of the remaining matching targets it takes. */
    public record GroupDefinition(
            String name,
            String description,
            String targetFilterQuery,
            double targetPercentage,
            RolloutConditions conditions,
            Boolean confirmationRequired) {

        public GroupDefinition(
                String name,
                String description,
                String targetFilterQuery,
                double targetPercentage,
                RolloutConditions conditions) {
            this(name, description, targetFilterQuery, targetPercentage, conditions, null);
        }
    }

    /** A rollout to create: either {@code amountGroups} equal groups or explicit {@code groups}. */
    public record Create(
            String name,
            String description,
            String targetFilterQuery,
            Long distributionSetId,
            Integer amountGroups,
            List<GroupDefinition> groups,
            ActionType type,
            Long forceTime,
            Integer weight,
            Long startAt,
            RolloutConditions conditions,
            Boolean confirmationRequired,
            DynamicGroups dynamicGroups,
            RolloutPace pace) {

        /** A static, unpaced rollout, its consent left to the tenant's confirmation flow. */
        public Create(
                String name,
                String description,
                String targetFilterQuery,
                Long distributionSetId,
                Integer amountGroups,
                List<GroupDefinition> groups,
                ActionType type,
                Long forceTime,
                Integer weight,
                Long startAt,
                RolloutConditions conditions) {
            this(
                    name,
                    description,
                    targetFilterQuery,
                    distributionSetId,
                    amountGroups,
                    groups,
                    type,
                    forceTime,
                    weight,
                    startAt,
                    conditions,
                    null,
                    null,
                    null);
        }
    }

    /**
     * hawkBit's dynamic group template: after the static groups, groups of {@code targetCount} targets (null: as many
     * as the last static group has) named {@code group-<n><nameSuffix>}, which targets matching the filter join
     * once the rollout started.
     */
    public record DynamicGroups(String nameSuffix, Long targetCount) {}

    /**
     * Creates a rollout and fixes its groups' targets in one transaction: the targets of the filter that neither have
     * the set installed nor an open action deploying it (a target whose earlier attempt failed is included), lowest
     * id first. It is ready to start, or waits for approval when the tenant asks for one.
     */
    @Transactional
    public Rollout create(String tenant, Create create) {
        return create(tenant, create, RsqlSpecification.parse(create.targetFilterQuery(), TargetService.FIELDS));
    }

    /**
     * hawkBit's retry: a new rollout {@code <name>_retry} of the same set, in one group, over the targets whose action
     * of a finished rollout failed. Its target filter reads {@code failedrollout==<id>}, as hawkBit shows it.
     */
    @Transactional
    public Rollout retry(String tenant, Long id) {
        Rollout failed = lookup.inState(tenant, id, "retried (only a finished rollout can be)", RolloutStatus.FINISHED);
        RolloutConditions conditions = groups.findByRolloutIdOrderByPosition(id).stream()
                .findFirst()
                .map(RolloutGroup::getConditions)
                .orElse(RolloutConditions.DEFAULT);
        Specification<Target> failedTargets = (root, q, cb) -> {
            Subquery<Long> errors = q.subquery(Long.class);
            Root<Action> action = errors.from(Action.class);
            errors.select(action.get("id"))
                    .where(
                            cb.equal(action.get("target"), root),
                            cb.equal(action.get("rolloutId"), id),
                            cb.equal(action.get("status"), ActionState.ERROR));
            return cb.exists(errors);
        };
        return create(
                tenant,
                new Create(
                        failed.getName() + "_retry",
                        "Retry of the failed targets of rollout " + failed.getName(),
                        "failedrollout==" + id,
                        failed.getDistributionSet().getId(),
                        1,
                        null,
                        failed.getActionType(),
                        failed.getForcedTime(),
                        failed.getWeight(),
                        null,
                        conditions),
                failedTargets);
    }

    private Rollout create(String tenant, Create create, Specification<Target> filter) {
        if (rollouts.existsByTenantAndName(tenant, create.name())) {
            throw new EntityAlreadyExistsException("A rollout named '" + create.name() + "' exists already");
        }
        DistributionSet set = distributionSets.deployable(tenant, create.distributionSetId());
        Specification<Target> scope = filter.and((root, q, cb) -> cb.equal(root.get("tenant"), tenant))
                .and(notDeploying(set.getId()))
                .and(CompatibleTargets.withType(set.getType().getId()));
        List<Long> candidates = targetIds(scope);
        if (candidates.isEmpty()) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION,
                    "No target matches '" + create.targetFilterQuery()
                            + "' without having the set installed or an open action deploying it, and with a"
                            + " target type compatible with the set's type");
        }
        if (create.dynamicGroups() != null
                && create.groups() != null
                && !create.groups().isEmpty()) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION, "Dynamic rollouts are not supported with groups");
        }
        Long dynamicSize =
                create.dynamicGroups() == null ? null : create.dynamicGroups().targetCount();
        if (dynamicSize != null && (dynamicSize < 1 || dynamicSize > MAX_TARGETS_PER_GROUP)) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID,
                    "dynamicGroupTemplate.targetCount must be between 1 and " + MAX_TARGETS_PER_GROUP + ", was "
                            + dynamicSize);
        }
        List<GroupDefinition> definitions = definitions(create);
        if (create.dynamicGroups() != null && definitions.size() >= MAX_GROUPS) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED,
                    "A rollout may have at most " + MAX_GROUPS + " groups, its first dynamic group included");
        }
        List<List<Long>> split = split(candidates, definitions, scope);
        ActionType type = create.type() == null ? ActionType.FORCED : create.type();
        boolean approval = config.enabled(tenant, TenantConfigKey.ROLLOUT_APPROVAL_ENABLED);
        // As hawkBit: unset means what the tenant's confirmation flow says when the rollout is created.
        boolean rolloutConsent = create.confirmationRequired() != null
                ? create.confirmationRequired()
                : config.enabled(tenant, TenantConfigKey.USER_CONFIRMATION_ENABLED);
        Rollout planned = new Rollout(
                tenant,
                create.name(),
                create.description(),
                create.targetFilterQuery(),
                set,
                type,
                type == ActionType.TIMEFORCED && create.forceTime() != null ? create.forceTime() : 0L,
                create.weight(),
                create.startAt(),
                approval ? RolloutStatus.WAITING_FOR_APPROVAL : RolloutStatus.READY);
        planned.setPace(create.pace());
        if (create.dynamicGroups() != null) {
            planned.makeDynamic(create.dynamicGroups().nameSuffix());
        }
        Rollout rollout = rollouts.save(planned);
        for (int i = 0; i < definitions.size(); i++) {
            GroupDefinition definition = definitions.get(i);
            RolloutGroup group = groups.save(new RolloutGroup(
                    rollout,
                    i,
                    definition.name(),
                    definition.description(),
                    definition.targetFilterQuery(),
                    definition.targetPercentage(),
                    definition.conditions()));
            group.requireConfirmation(
                    definition.confirmationRequired() != null ? definition.confirmationRequired() : rolloutConsent);
            rolloutTargets.insert(group.getId(), split.get(i));
        }
        if (rollout.isDynamic()) {
            // As in hawkBit, the first dynamic group exists from the start, sized by the template or like the last
            // static group; the next ones are created as each fills.
            long size = dynamicSize != null
                    ? dynamicSize
                    : Math.max(1, split.get(split.size() - 1).size());
            RolloutGroup first = RolloutGroup.dynamic(
                    rollout,
                    definitions.size(),
                    size,
                    definitions.get(definitions.size() - 1).conditions(),
                    RolloutGroupStatus.READY);
            first.requireConfirmation(rolloutConsent);
            groups.save(first);
        }
        groups.flush();
        events.publish(new RolloutCreatedEvent(tenant, rollout.getId(), events.origin()));
        return rollout;
    }

    /** Targets that neither have the set installed nor an open action deploying it. */
    static Specification<Target> notDeploying(Long setId) {
        return (root, q, cb) -> {
            Subquery<Long> open = q.subquery(Long.class);
            Root<Action> action = open.from(Action.class);
            open.select(action.get("id"))
                    .where(
                            cb.equal(action.get("target"), root),
                            cb.equal(action.get("distributionSet").get("id"), setId),
                            cb.isTrue(action.get("active")));
            return cb.and(
                    cb.not(cb.exists(open)),
                    cb.or(
                            cb.isNull(root.get("installedDistributionSet")),
                            cb.notEqual(root.get("installedDistributionSet").get("id"), setId)));
        };
    }

    private static List<GroupDefinition> definitions(Create create) {
        if (create.groups() != null && !create.groups().isEmpty()) {
            if (create.groups().size() > MAX_GROUPS) {
                throw new HawkbitException(
                        ServerError.QUOTA_EXCEEDED, "A rollout may have at most " + MAX_GROUPS + " groups");
            }
            Set<String> names = new LinkedHashSet<>();
            for (GroupDefinition group : create.groups()) {
                if (group.name() == null || group.name().isBlank() || !names.add(group.name())) {
                    throw new HawkbitException(ServerError.PARAM_INVALID, "Every group needs a name of its own");
                }
                if (!(group.targetPercentage() > 0 && group.targetPercentage() <= 100)) {
                    throw new HawkbitException(
                            ServerError.PARAM_INVALID,
                            "targetPercentage of group '" + group.name() + "' must be above 0 and at most 100");
                }
            }
            return create.groups();
        }
        Integer amount = create.amountGroups();
        if (amount == null || amount < 1) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID, "A rollout needs amountGroups of at least 1, or groups");
        }
        if (amount > MAX_GROUPS) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED, "A rollout may have at most " + MAX_GROUPS + " groups");
        }
        List<GroupDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < amount; i++) {
            definitions.add(new GroupDefinition(
                    "group-" + (i + 1), "group-" + (i + 1), null, 100.0 / (amount - i), create.conditions()));
        }
        return definitions;
    }

    /**
     * Each group in turn takes its percentage of the targets left that also match its own filter (rounded up, so a
     * small share still gets a target). Targets left over after the last group are refused, as hawkBit does: a
     * rollout must reach every target its filter names.
     */
    private List<List<Long>> split(
            List<Long> candidates, List<GroupDefinition> definitions, Specification<Target> scope) {
        Set<Long> remaining = new LinkedHashSet<>(candidates);
        List<List<Long>> split = new ArrayList<>();
        for (GroupDefinition definition : definitions) {
            List<Long> matching = definition.targetFilterQuery() == null
                            || definition.targetFilterQuery().isBlank()
                    ? new ArrayList<>(remaining)
                    : targetIds(scope.and(
                                    RsqlSpecification.parse(definition.targetFilterQuery(), TargetService.FIELDS)))
                            .stream()
                            .filter(remaining::contains)
                            .toList();
            int take = (int) Math.min(
                    matching.size(), Math.ceil(matching.size() * definition.targetPercentage() / 100.0 - 1e-9));
            List<Long> group = List.copyOf(matching.subList(0, take));
            if (group.size() > MAX_TARGETS_PER_GROUP) {
                throw new HawkbitException(
                        ServerError.QUOTA_EXCEEDED,
                        "A rollout group may have at most " + MAX_TARGETS_PER_GROUP + " targets; use more groups");
            }
            group.forEach(remaining::remove);
            split.add(group);
        }
        if (!remaining.isEmpty()) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION,
                    remaining.size()
                            + " target(s) of the rollout's filter are in no group; let the last group take 100% of the rest");
        }
        return split;
    }

    private List<Long> targetIds(Specification<Target> spec) {
        return targetIds(entityManager, spec, Integer.MAX_VALUE);
    }

    /** The ids of the targets matching {@code spec}, lowest first, at most {@code limit} of them. */
    static List<Long> targetIds(EntityManager entityManager, Specification<Target> spec, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Target> root = query.from(Target.class);
        query.select(root.get("id"))
                .distinct(true)
                .where(spec.toPredicate(root, query, cb))
                .orderBy(cb.asc(root.get("id")));
        return entityManager.createQuery(query).setMaxResults(limit).getResultList();
    }
}
