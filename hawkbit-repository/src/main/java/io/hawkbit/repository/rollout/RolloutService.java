package io.hawkbit.repository.rollout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionRepository;
import io.hawkbit.repository.action.ActionState;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.RolloutCreatedEvent;
import io.hawkbit.repository.event.RolloutDeletedEvent;
import io.hawkbit.repository.event.RolloutGroupUpdatedEvent;
import io.hawkbit.repository.event.RolloutUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operator-side use cases of rollouts: creation with its groups, approval, start, pause, resume, stop, reads. */
@Service
public class RolloutService {

    public static final QueryFields FIELDS = QueryFields.of(Map.of("id", "id", "name", "name", "description", "description",
            "status", "status", "distributionset.id", "distributionSet.id", "createdAt", "createdAt",
            "lastModifiedAt", "lastModifiedAt"));

    public static final QueryFields GROUP_FIELDS = QueryFields.of(Map.of("id", "id", "name", "name",
            "description", "description", "status", "status"));

    /** hawkBit's quotas: groups per rollout and targets per group. */
    static final int MAX_GROUPS = 500;
    static final int MAX_TARGETS_PER_GROUP = 20_000;

    private final RolloutRepository rollouts;
    private final RolloutGroupRepository groups;
    private final RolloutTargets rolloutTargets;
    private final ActionRepository actions;
    private final DeploymentService deployments;
    private final DistributionSetService distributionSets;
    private final TargetRepository targets;
    private final TenantConfigurationService config;
    private final EntityManager entityManager;
    private final ClusterEventPublisher events;
    private final ApplicationEventPublisher local;

    public RolloutService(RolloutRepository rollouts, RolloutGroupRepository groups, RolloutTargets rolloutTargets,
            ActionRepository actions, DeploymentService deployments, DistributionSetService distributionSets,
            TargetRepository targets, TenantConfigurationService config, EntityManager entityManager,
            ClusterEventPublisher events, ApplicationEventPublisher local) {
        this.rollouts = rollouts;
        this.groups = groups;
        this.rolloutTargets = rolloutTargets;
        this.actions = actions;
        this.deployments = deployments;
        this.distributionSets = distributionSets;
        this.targets = targets;
        this.config = config;
        this.entityManager = entityManager;
        this.events = events;
        this.local = local;
    }

    /** A group asked for explicitly: an optional extra filter and the share of the remaining matching targets it takes. */
    public record GroupDefinition(String name, String description, String targetFilterQuery, double targetPercentage,
            RolloutConditions conditions) {
    }

    /** A rollout to create: either {@code amountGroups} equal groups or explicit {@code groups}. */
    public record Create(String name, String description, String targetFilterQuery, Long distributionSetId,
            Integer amountGroups, List<GroupDefinition> groups, ActionType type, Long forceTime, Integer weight,
            Long startAt, RolloutConditions conditions) {
    }

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
        Rollout failed = inState(tenant, id, "retried (only a finished rollout can be)", RolloutStatus.FINISHED);
        RolloutConditions conditions = groups.findByRolloutIdOrderByPosition(id).stream().findFirst()
                .map(RolloutGroup::getConditions).orElse(RolloutConditions.DEFAULT);
        Specification<Target> failedTargets = (root, q, cb) -> {
            Subquery<Long> errors = q.subquery(Long.class);
            Root<Action> action = errors.from(Action.class);
            errors.select(action.get("id")).where(cb.equal(action.get("target"), root),
                    cb.equal(action.get("rolloutId"), id), cb.equal(action.get("status"), ActionState.ERROR));
            return cb.exists(errors);
        };
        return create(tenant, new Create(failed.getName() + "_retry", "Retry of the failed targets of rollout "
                + failed.getName(), "failedrollout==" + id, failed.getDistributionSet().getId(), 1, null,
                failed.getActionType(), failed.getForcedTime(), failed.getWeight(), null, conditions), failedTargets);
    }

    private Rollout create(String tenant, Create create, Specification<Target> filter) {
        if (rollouts.existsByTenantAndName(tenant, create.name())) {
            throw new EntityAlreadyExistsException("A rollout named '" + create.name() + "' exists already");
        }
        DistributionSet set = distributionSets.get(tenant, create.distributionSetId());
        if (set.isDeleted()) {
            throw new EntityNotFoundException("DistributionSet", create.distributionSetId());
        }
        if (!set.isComplete()) {
            throw new HawkbitException(ServerError.DS_INCOMPLETE,
                    "Distribution set " + set.getName() + ":" + set.getVersion() + " lacks a mandatory software module");
        }
        Specification<Target> scope = filter.and((root, q, cb) -> cb.equal(root.get("tenant"), tenant))
                .and(notDeploying(set.getId()));
        List<Long> candidates = targetIds(scope);
        if (candidates.isEmpty()) {
            throw new HawkbitException(ServerError.CONSTRAINT_VIOLATION, "No target matches '" + create.targetFilterQuery()
                    + "' without having the set installed or an open action deploying it");
        }
        List<GroupDefinition> definitions = definitions(create);
        List<List<Long>> split = split(candidates, definitions, scope);
        ActionType type = create.type() == null ? ActionType.FORCED : create.type();
        boolean approval = config.enabled(tenant, TenantConfigKey.ROLLOUT_APPROVAL_ENABLED);
        Rollout rollout = rollouts.save(new Rollout(tenant, create.name(), create.description(), create.targetFilterQuery(),
                set, type, type == ActionType.TIMEFORCED && create.forceTime() != null ? create.forceTime() : 0L,
                create.weight(), create.startAt(), approval ? RolloutStatus.WAITING_FOR_APPROVAL : RolloutStatus.READY));
        for (int i = 0; i < definitions.size(); i++) {
            GroupDefinition definition = definitions.get(i);
            RolloutGroup group = groups.save(new RolloutGroup(rollout, i, definition.name(), definition.description(),
                    definition.targetFilterQuery(), definition.targetPercentage(), definition.conditions()));
            rolloutTargets.insert(group.getId(), split.get(i));
        }
        groups.flush();
        events.publish(new RolloutCreatedEvent(tenant, rollout.getId(), events.origin()));
        return rollout;
    }

    /** Targets that neither have the set installed nor an open action deploying it. */
    private static Specification<Target> notDeploying(Long setId) {
        return (root, q, cb) -> {
            Subquery<Long> open = q.subquery(Long.class);
            Root<Action> action = open.from(Action.class);
            open.select(action.get("id")).where(cb.equal(action.get("target"), root),
                    cb.equal(action.get("distributionSet").get("id"), setId), cb.isTrue(action.get("active")));
            return cb.and(cb.not(cb.exists(open)), cb.or(cb.isNull(root.get("installedDistributionSet")),
                    cb.notEqual(root.get("installedDistributionSet").get("id"), setId)));
        };
    }

    private static List<GroupDefinition> definitions(Create create) {
        if (create.groups() != null && !create.groups().isEmpty()) {
            if (create.groups().size() > MAX_GROUPS) {
                throw new HawkbitException(ServerError.QUOTA_EXCEEDED, "A rollout may have at most " + MAX_GROUPS + " groups");
            }
            Set<String> names = new LinkedHashSet<>();
            for (GroupDefinition group : create.groups()) {
                if (group.name() == null || group.name().isBlank() || !names.add(group.name())) {
                    throw new HawkbitException(ServerError.PARAM_INVALID, "Every group needs a name of its own");
                }
                if (!(group.targetPercentage() > 0 && group.targetPercentage() <= 100)) {
                    throw new HawkbitException(ServerError.PARAM_INVALID,
                            "targetPercentage of group '" + group.name() + "' must be above 0 and at most 100");
                }
            }
            return create.groups();
        }
        Integer amount = create.amountGroups();
        if (amount == null || amount < 1) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "A rollout needs amountGroups of at least 1, or groups");
        }
        if (amount > MAX_GROUPS) {
            throw new HawkbitException(ServerError.QUOTA_EXCEEDED, "A rollout may have at most " + MAX_GROUPS + " groups");
        }
        List<GroupDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < amount; i++) {
            definitions.add(new GroupDefinition("group-" + (i + 1), "group-" + (i + 1), null, 100.0 / (amount - i),
                    create.conditions()));
        }
        return definitions;
    }

    /**
     * Each group in turn takes its percentage of the targets left that also match its own filter (rounded up, so a
     * small share still gets a target). Targets left over after the last group are refused, as hawkBit does: a
     * rollout must reach every target its filter names.
     */
    private List<List<Long>> split(List<Long> candidates, List<GroupDefinition> definitions, Specification<Target> scope) {
        Set<Long> remaining = new LinkedHashSet<>(candidates);
        List<List<Long>> split = new ArrayList<>();
        for (GroupDefinition definition : definitions) {
            List<Long> matching = definition.targetFilterQuery() == null || definition.targetFilterQuery().isBlank()
                    ? new ArrayList<>(remaining)
                    : targetIds(scope.and(RsqlSpecification.parse(definition.targetFilterQuery(), TargetService.FIELDS)))
                            .stream().filter(remaining::contains).toList();
            int take = (int) Math.min(matching.size(), Math.ceil(matching.size() * definition.targetPercentage() / 100.0 - 1e-9));
            List<Long> group = List.copyOf(matching.subList(0, take));
            if (group.size() > MAX_TARGETS_PER_GROUP) {
                throw new HawkbitException(ServerError.QUOTA_EXCEEDED,
                        "A rollout group may have at most " + MAX_TARGETS_PER_GROUP + " targets; use more groups");
            }
            group.forEach(remaining::remove);
            split.add(group);
        }
        if (!remaining.isEmpty()) {
            throw new HawkbitException(ServerError.CONSTRAINT_VIOLATION, remaining.size()
                    + " target(s) of the rollout's filter are in no group; let the last group take 100% of the rest");
        }
        return split;
    }

    private List<Long> targetIds(Specification<Target> spec) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Target> root = query.from(Target.class);
        query.select(root.get("id")).distinct(true).where(spec.toPredicate(root, query, cb)).orderBy(cb.asc(root.get("id")));
        return entityManager.createQuery(query).getResultList();
    }

    /** The names of the given rollouts by id; one query, none for an empty list. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(String tenant, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        rollouts.findNames(tenant, ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    @Transactional(readOnly = true)
    public Rollout get(String tenant, Long id) {
        Rollout rollout = rollout(tenant, id);
        rollout.getDistributionSet().getName();
        return rollout;
    }

    @Transactional(readOnly = true)
    public Page<Rollout> find(String tenant, String rsql, Pageable pageable) {
        Specification<Rollout> spec = RsqlSpecification.<Rollout>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return rollouts.findAll(spec, pageable);
    }

    @Transactional
    public Rollout update(String tenant, Long id, String name, String description) {
        Rollout rollout = locked(tenant, id);
        if (name != null && !name.equals(rollout.getName())) {
            if (rollouts.existsByTenantAndName(tenant, name)) {
                throw new EntityAlreadyExistsException("A rollout named '" + name + "' exists already");
            }
            rollout.setName(name);
        }
        if (description != null) {
            rollout.setDescription(description);
        }
        return updated(rollouts.saveAndFlush(rollout));
    }

    /**
     * Deletes a rollout that never created an action; one that did is kept for its actions' history but hidden and
     * never progresses again (its running actions go on, as in hawkBit).
     */
    @Transactional
    public void delete(String tenant, Long id) {
        Rollout rollout = locked(tenant, id);
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
        Rollout rollout = inState(tenant, id, "approved or denied", RolloutStatus.WAITING_FOR_APPROVAL);
        rollout.decideApproval(user, remark, approved);
        return updated(rollouts.saveAndFlush(rollout));
    }

    /** Starts a ready rollout: its groups are scheduled and the scheduler starts the first one right after the commit. */
    @Transactional
    public Rollout start(String tenant, Long id) {
        Rollout rollout = inState(tenant, id, "started", RolloutStatus.READY);
        if (rollout.getDistributionSet().isDeleted()) {
            throw new HawkbitException(ServerError.ROLLOUT_ILLEGAL_STATE,
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
        updated(rollout);
        local.publishEvent(new RolloutWorkPending(rollout.getTenant(), rollout.getId()));
    }

    @Transactional
    public Rollout pause(String tenant, Long id) {
        Rollout rollout = inState(tenant, id, "paused", RolloutStatus.RUNNING);
        rollout.setStatus(RolloutStatus.PAUSED);
        return updated(rollouts.saveAndFlush(rollout));
    }

    /** Resumes a paused rollout; a group that paused it stays in error and the next group may start. */
    @Transactional
    public Rollout resume(String tenant, Long id) {
        Rollout rollout = inState(tenant, id, "resumed", RolloutStatus.PAUSED);
        rollout.setStatus(RolloutStatus.RUNNING);
        local.publishEvent(new RolloutWorkPending(tenant, id));
        return updated(rollouts.saveAndFlush(rollout));
    }

    /** Starts the next scheduled group now, whatever the thresholds of the running one say. */
    @Transactional
    public RolloutGroup triggerNextGroup(String tenant, Long id) {
        Rollout rollout = inState(tenant, id, "moved to its next group", RolloutStatus.RUNNING);
        RolloutGroup next = groups.findByRolloutIdOrderByPosition(id).stream()
                .filter(g -> g.getStatus() == RolloutGroupStatus.SCHEDULED).findFirst()
                .orElseThrow(() -> new HawkbitException(ServerError.ROLLOUT_ILLEGAL_STATE,
                        "Rollout " + id + " has no scheduled group left"));
        next.setStatus(RolloutGroupStatus.RUNNING);
        rollout.setStatus(RolloutStatus.RUNNING);
        groups.flush();
        groupUpdated(next);
        local.publishEvent(new RolloutWorkPending(tenant, id));
        return next;
    }

    /**
     * Stops a rollout for good: groups not started never start, and the open actions it created are canceled (the
     * devices are asked to stop, as a Management cancel does).
     */
    @Transactional
    public Rollout stop(String tenant, Long id, String user) {
        Rollout rollout = inState(tenant, id, "stopped", RolloutStatus.READY, RolloutStatus.WAITING_FOR_APPROVAL,
                RolloutStatus.STARTING, RolloutStatus.RUNNING, RolloutStatus.PAUSED);
        List<Action> open = actions.findAll((root, q, cb) -> cb.and(cb.equal(root.get("rolloutId"), id),
                cb.isTrue(root.get("active"))));
        for (Action action : open) {
            if (!action.isCancelingOrCanceled()) {
                deployments.cancel(tenant, action.getTarget().getControllerId(), action.getId(), false, user);
            }
        }
        for (RolloutGroup group : groups.findByRolloutIdOrderByPosition(id)) {
            if (group.getStatus() != RolloutGroupStatus.FINISHED && group.getStatus() != RolloutGroupStatus.ERROR) {
                group.setStatus(RolloutGroupStatus.FINISHED);
                groupUpdated(group);
            }
        }
        rollout.setStatus(RolloutStatus.STOPPED);
        return updated(rollouts.saveAndFlush(rollout));
    }

    @Transactional(readOnly = true)
    public Page<RolloutGroup> groups(String tenant, Long rolloutId, String rsql, Pageable pageable) {
        rollout(tenant, rolloutId);
        Specification<RolloutGroup> spec = RsqlSpecification.<RolloutGroup>parse(rsql, GROUP_FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("rolloutId"), rolloutId));
        return groups.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public RolloutGroup group(String tenant, Long rolloutId, Long groupId) {
        rollout(tenant, rolloutId);
        return groups.findByRolloutIdAndId(rolloutId, groupId).orElseThrow(() -> new EntityNotFoundException("RolloutGroup", groupId));
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
        return RolloutCounts.of(groups.findByRolloutIdOrderByPosition(rolloutId), rolloutTargets.targetsPerGroup(rolloutId),
                rolloutTargets.actionsPerGroup(rolloutId));
    }

    private Rollout rollout(String tenant, Long id) {
        return rollouts.findByTenantAndIdAndDeletedFalse(tenant, id).orElseThrow(() -> new EntityNotFoundException("Rollout", id));
    }

    private Rollout locked(String tenant, Long id) {
        return rollouts.findForUpdate(tenant, id).orElseThrow(() -> new EntityNotFoundException("Rollout", id));
    }

    private Rollout inState(String tenant, Long id, String operation, RolloutStatus... allowed) {
        Rollout rollout = locked(tenant, id);
        if (!List.of(allowed).contains(rollout.getStatus())) {
            throw new HawkbitException(ServerError.ROLLOUT_ILLEGAL_STATE,
                    "Rollout " + id + " is " + rollout.getStatus().json() + " and cannot be " + operation);
        }
        return rollout;
    }

    private Rollout updated(Rollout rollout) {
        events.publish(new RolloutUpdatedEvent(rollout.getTenant(), rollout.getId(), rollout.getStatus().json(), events.origin()));
        return rollout;
    }

    private void groupUpdated(RolloutGroup group) {
        events.publish(new RolloutGroupUpdatedEvent(group.getTenant(), group.getId(), group.getRollout().getId(),
                group.getStatus().json(), events.origin()));
    }
}
