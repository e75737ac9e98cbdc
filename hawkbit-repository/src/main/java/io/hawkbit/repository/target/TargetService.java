package io.hawkbit.repository.target;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetCreatedEvent;
import io.hawkbit.repository.event.TargetDeletedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.targettype.TargetType;
import io.hawkbit.repository.targettype.TargetTypeService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of targets as operators see them (the device side is in {@code ControllerService}). */
@Service
public class TargetService {

    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
                    Map.entry("id", "controllerId"),
                    Map.entry("controllerId", "controllerId"),
                    Map.entry("name", "name"),
                    Map.entry("description", "description"),
                    Map.entry("updateStatus", "updateStatus"),
                    Map.entry("address", "address"),
                    Map.entry("ipAddress", "address"),
                    Map.entry("lastControllerRequestAt", "lastTargetQuery"),
                    Map.entry("installedAt", "installDate"),
                    Map.entry("createdAt", "createdAt"),
                    Map.entry("lastModifiedAt", "lastModifiedAt"),
                    Map.entry("createdBy", "createdBy"),
                    Map.entry("lastModifiedBy", "lastModifiedBy"),
                    Map.entry("group", "group"),
                    Map.entry("tag", "tags.name"),
                    Map.entry("tag.name", "tags.name"),
                    Map.entry("assignedDs.name", "assignedDistributionSet.name"),
                    Map.entry("assignedDs.version", "assignedDistributionSet.version"),
                    Map.entry("installedDs.name", "installedDistributionSet.name"),
                    Map.entry("installedDs.version", "installedDistributionSet.version"),
                    // hawkBit 0.10+ names the type "type" (its key when no attribute is given); "targettype" stays.
                    Map.entry("type", "targetType.key"),
                    Map.entry("type.id", "targetType.id"),
                    Map.entry("type.key", "targetType.key"),
                    Map.entry("type.name", "targetType.name"),
                    Map.entry("targettype.id", "targetType.id"),
                    Map.entry("targettype.key", "targetType.key"),
                    Map.entry("targettype.name", "targetType.name"),
                    // Not in hawkBit: the overdue scheduler's mark (pollStatus.overdue is computed on read, so may lead
                    // it).
                    Map.entry("overdue", "overdue")))
            .withMap("attribute", "controllerAttributes")
            .withMap("metadata", "metadata")
            // A link and its tag belong to the target's tenant (tag() loads both by tenant), so the tag's tenant is the
            // target's; an attribute row carries its target's tenant (V1_20).
            .withLink("tags", new QueryFields.Link(TargetTagLink.class, "id.targetId", "tag", null, null, "tag.tenant"))
            .withLink(
                    "controllerAttributes",
                    new QueryFields.Link(
                            TargetAttribute.class, "id.targetId", "value", "id.key", "valueLower", "tenant"))
            .withLowerCase("controllerId", "controllerIdLower")
            .withPresence("overdue", "overdueSince");

    private final TargetRepository targets;
    private final TargetTagService tags;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;
    private final TargetEvents targetEvents;
    private final TargetTypeService targetTypes;
    private final TargetPages pages;
    private final TargetCounts counts;

    public TargetService(
            TargetRepository targets,
            TargetPages pages,
            TargetCounts counts,
            TargetTagService tags,
            ClusterEventPublisher events,
            BatchQuota quota,
            TargetEvents targetEvents,
            TargetTypeService targetTypes) {
        this.targetEvents = targetEvents;
        this.targetTypes = targetTypes;
        this.pages = pages;
        this.counts = counts;
        this.events = events;
        this.quota = quota;
        this.targets = targets;
        this.tags = tags;
    }

    /** A target to create; {@code group} (hawkBit 0.10+ target group) and {@code targetType} (its type's id) are optional. */
    public record Create(
            String controllerId,
            String name,
            String description,
            String securityToken,
            String address,
            String group,
            Long targetType) {

        public Create(String controllerId, String name, String description, String securityToken, String address) {
            this(controllerId, name, description, securityToken, address, null, null);
        }
    }

    /**
     * Creates all or none: one look-up of existing controllerIds and one flush for the whole batch (a flush per
     * target made 5,000 targets take 48 s, as each flush checks every target of the session).
     */
    @Transactional
    public List<Target> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "targets");
        Set<String> ids = new HashSet<>();
        for (Create create : creates) {
            ControllerIds.check(create.controllerId());
            if (!ids.add(create.controllerId())) {
                throw new EntityAlreadyExistsException(
                        "The request names the controllerId '" + create.controllerId() + "' more than once");
            }
        }
        List<String> existing = BatchQuota.inChunks(ids, chunk -> targets.findControllerIds(tenant, chunk));
        if (!existing.isEmpty()) {
            throw new EntityAlreadyExistsException("Target with controllerId '" + existing.get(0) + "' already exists");
        }
        Map<Long, TargetType> types = new HashMap<>();
        for (Create create : creates) {
            if (create.targetType() != null) {
                types.computeIfAbsent(create.targetType(), id -> targetTypes.get(tenant, id));
            }
        }
        List<Target> saved = targets.saveAll(creates.stream()
                .map(c -> {
                    Target target = newTarget(tenant, c);
                    target.setTargetType(c.targetType() == null ? null : types.get(c.targetType()));
                    return target;
                })
                .toList());
        targets.flush();
        saved.forEach(
                t -> events.publish(new TargetCreatedEvent(tenant, t.getId(), t.getControllerId(), events.origin())));
        return saved;
    }

    private static Target newTarget(String tenant, Create create) {
        String token = create.securityToken() == null || create.securityToken().isBlank()
                ? TargetTokens.generate()
                : create.securityToken();
        Target target = new Target(
                tenant,
                create.controllerId(),
                create.name() == null ? ControllerIds.defaultName(create.controllerId()) : create.name(),
                token);
        target.setDescription(create.description());
        target.setAddress(create.address());
        if (create.group() != null && !create.group().isBlank()) {
            target.setGroup(TargetGroupService.checked(create.group()));
        }
        return target;
    }

    @Transactional(readOnly = true)
    public Target get(String tenant, String controllerId) {
        return targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
    }

    @Transactional(readOnly = true)
    public Page<Target> find(String tenant, String rsql, Pageable pageable) {
        RsqlSpecification.Filter<Target> filter = RsqlSpecification.filter(rsql, FIELDS);
        Specification<Target> spec = filter.specification().and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        return pages.find(spec, pageable, filter.linkFilter(), tenant, counts.total(tenant, filter));
    }

    /** Value of {@link Update#targetType()} that takes the target's type away, as hawkBit's PUT accepts it. */
    public static final long NO_TARGET_TYPE = -1L;

    /** The changes to a target: {@code null} keeps a field; an empty {@code group} takes the target out of its group. */
    public record Update(
            String name,
            String description,
            String securityToken,
            String address,
            Boolean requestAttributes,
            String group,
            Long targetType) {}

    @Transactional
    public Target update(String tenant, String controllerId, Update update) {
        Target target = get(tenant, controllerId);
        if (update.name() != null) {
            target.setName(update.name());
        }
        if (update.description() != null) {
            target.setDescription(update.description());
        }
        if (update.securityToken() != null) {
            target.setSecurityToken(update.securityToken());
        }
        if (update.address() != null) {
            target.setAddress(update.address());
        }
        if (update.group() != null) {
            target.setGroup(update.group().isEmpty() ? null : TargetGroupService.checked(update.group()));
        }
        if (Boolean.TRUE.equals(update.requestAttributes())) {
            target.setRequestControllerAttributes(true);
        }
        if (update.targetType() != null) {
            target.setTargetType(
                    update.targetType() == NO_TARGET_TYPE ? null : targetTypes.get(tenant, update.targetType()));
        }
        return updated(targets.saveAndFlush(target));
    }

    /** Gives the target a type; an unknown target or type is a 404. */
    @Transactional
    public Target assignType(String tenant, String controllerId, Long targetTypeId) {
        Target target = get(tenant, controllerId);
        target.setTargetType(targetTypes.get(tenant, targetTypeId));
        return updated(targets.saveAndFlush(target));
    }

    /** Takes the target's type away, so it accepts any distribution set again. */
    @Transactional
    public Target unassignType(String tenant, String controllerId) {
        Target target = get(tenant, controllerId);
        target.setTargetType(null);
        return updated(targets.saveAndFlush(target));
    }

    /** The target's type, loaded; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<TargetType> typeOf(String tenant, String controllerId) {
        return Optional.ofNullable(get(tenant, controllerId).getTargetType())
                .map(t -> (TargetType) Hibernate.unproxy(t));
    }

    private Target updated(Target target) {
        return targetEvents.updated(target);
    }

    @Transactional
    public void delete(String tenant, String controllerId) {
        Target target = get(tenant, controllerId);
        targets.delete(target);
        events.publish(new TargetDeletedEvent(tenant, target.getId(), controllerId, events.origin()));
    }

    @Transactional(readOnly = true)
    public Map<String, String> attributes(String tenant, String controllerId) {
        return Map.copyOf(get(tenant, controllerId).getControllerAttributes());
    }

    /** The set last assigned to the target, loaded with its modules; empty when none. */
    @Transactional(readOnly = true)
    public Optional<DistributionSet> assignedDistributionSet(String tenant, String controllerId) {
        return Optional.ofNullable(get(tenant, controllerId).getAssignedDistributionSet())
                .map(TargetService::loaded);
    }

    /** The set the target reported installed, loaded with its modules; empty when none. */
    @Transactional(readOnly = true)
    public Optional<DistributionSet> installedDistributionSet(String tenant, String controllerId) {
        return Optional.ofNullable(get(tenant, controllerId).getInstalledDistributionSet())
                .map(TargetService::loaded);
    }

    private static DistributionSet loaded(DistributionSet set) {
        return (DistributionSet) Hibernate.unproxy(set);
    }

    @Transactional(readOnly = true)
    public List<TargetTag> tagsOf(String tenant, String controllerId) {
        return get(tenant, controllerId).getTags().stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
    }

    /** Puts a tag on targets; all controllerIds must exist, or nothing changes. */
    @Transactional
    public List<Target> tag(String tenant, Long tagId, Collection<String> controllerIds) {
        TargetTag tag = tags.get(tenant, tagId);
        List<Target> tagged = controllerIds.stream().map(id -> get(tenant, id)).toList();
        tagged.forEach(t -> t.getTags().add(tag));
        targets.flush();
        tagged.forEach(this::updated);
        return tagged;
    }

    @Transactional
    public void untag(String tenant, Long tagId, String controllerId) {
        untag(tenant, tagId, List.of(controllerId));
    }

    /** Takes a tag off targets; all controllerIds must exist, or nothing changes. Untagged targets stay as they are. */
    @Transactional
    public void untag(String tenant, Long tagId, Collection<String> controllerIds) {
        TargetTag tag = tags.get(tenant, tagId);
        List<Target> untagged =
                controllerIds.stream().map(id -> get(tenant, id)).toList();
        untagged.forEach(t -> t.getTags().remove(tag));
        targets.flush();
        untagged.forEach(this::updated);
    }

    @Transactional(readOnly = true)
    public Page<Target> tagged(String tenant, Long tagId, String rsql, Pageable pageable) {
        tags.get(tenant, tagId);
        Specification<Target> spec = RsqlSpecification.<Target>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(
                        cb.equal(root.get("tenant"), tenant),
                        cb.equal(root.join("tags").get("id"), tagId)));
        return pages.find(spec, pageable);
    }

    /** The targets the set is assigned to, filtered by RSQL (the set's existence is the caller's to check). */
    @Transactional(readOnly = true)
    public Page<Target> withAssignedSet(String tenant, Long setId, String rsql, Pageable pageable) {
        return withSet(tenant, "assignedDistributionSet", setId, rsql, pageable);
    }

    /** The targets that have the set installed, filtered by RSQL (the set's existence is the caller's to check). */
    @Transactional(readOnly = true)
    public Page<Target> withInstalledSet(String tenant, Long setId, String rsql, Pageable pageable) {
        return withSet(tenant, "installedDistributionSet", setId, rsql, pageable);
    }

    private Page<Target> withSet(String tenant, String attribute, Long setId, String rsql, Pageable pageable) {
        Specification<Target> spec = RsqlSpecification.<Target>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(
                        cb.equal(root.get("tenant"), tenant),
                        cb.equal(root.get(attribute).get("id"), setId)));
        return pages.find(spec, pageable);
    }
}
