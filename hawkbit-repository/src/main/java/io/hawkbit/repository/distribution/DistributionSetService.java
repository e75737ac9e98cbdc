package io.hawkbit.repository.distribution;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetCreatedEvent;
import io.hawkbit.repository.event.DistributionSetDeletedEvent;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of distribution sets. */
@Service
public class DistributionSetService {

    /** hawkBit 1.1's {@code DistributionSetFields}, plus the flags kept from before. */
    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("name", "name"),
                    Map.entry("version", "version"),
                    Map.entry("description", "description"),
                    Map.entry("type", "type.key"),
                    Map.entry("type.id", "type.id"),
                    Map.entry("type.key", "type.key"),
                    Map.entry("type.name", "type.name"),
                    Map.entry("module.id", "modules.id"),
                    Map.entry("module.name", "modules.name"),
                    Map.entry("requiredMigrationStep", "requiredMigrationStep"),
                    Map.entry("locked", "locked"),
                    Map.entry("deleted", "deleted"),
                    Map.entry("valid", "valid"),
                    Map.entry("tag", "tags.name"),
                    Map.entry("tag.name", "tags.name"),
                    Map.entry("createdAt", "createdAt"),
                    Map.entry("createdBy", "createdBy"),
                    Map.entry("lastModifiedAt", "lastModifiedAt"),
                    Map.entry("lastModifiedBy", "lastModifiedBy")))
            .withMap("metadata", "metadata");

    private final DistributionSetRepository sets;
    private final DistributionSetTagService tags;
    private final DistributionSetTypeService types;
    private final SoftwareModuleService modules;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;

    public DistributionSetService(
            DistributionSetRepository sets,
            DistributionSetTagService tags,
            DistributionSetTypeService types,
            SoftwareModuleService modules,
            ClusterEventPublisher events,
            BatchQuota quota) {
        this.events = events;
        this.quota = quota;
        this.sets = sets;
        this.tags = tags;
        this.types = types;
        this.modules = modules;
    }

    public record Create(
            String name,
            String version,
            String description,
            String type,
            List<Long> modules,
            Boolean requiredMigrationStep) {}

    /**
     * Creates all or none, with one look-up of existing name + version and one flush. Types and modules are looked up
     * before anything is saved, so those look-ups never flush the batch.
     */
    @Transactional
    public List<DistributionSet> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "distribution sets");
        Set<List<String>> keys = new HashSet<>();
        for (Create create : creates) {
            if (!keys.add(List.of(create.name(), create.version()))) {
                throw new EntityAlreadyExistsException("The request names distribution set " + create.name() + ":"
                        + create.version() + " more than once");
            }
        }
        BatchQuota.inChunks(
                        creates.stream().map(Create::name).distinct().toList(),
                        names -> sets.findNameVersions(tenant, names))
                .stream()
                .map(row -> List.of((String) row[0], (String) row[1]))
                .filter(keys::contains)
                .findFirst()
                .ifPresent(key -> {
                    throw new EntityAlreadyExistsException(
                            "Distribution set " + key.get(0) + ":" + key.get(1) + " already exists");
                });
        List<DistributionSet> built =
                creates.stream().map(create -> newSet(tenant, create)).toList();
        List<DistributionSet> saved = sets.saveAll(built);
        sets.flush();
        saved.forEach(set -> events.publish(new DistributionSetCreatedEvent(tenant, set.getId(), events.origin())));
        return saved;
    }

    private DistributionSet newSet(String tenant, Create create) {
        DistributionSetType type =
                create.type() == null ? types.defaultType(tenant) : types.getByKey(tenant, create.type());
        if (type.isDeleted()) {
            throw new HawkbitException(
                    ServerError.DS_TYPE_UNDEFINED, "Distribution set type " + type.getKey() + " is deleted");
        }
        DistributionSet set = new DistributionSet(tenant, type, create.name(), create.version());
        set.setDescription(create.description());
        set.setRequiredMigrationStep(Boolean.TRUE.equals(create.requiredMigrationStep()));
        if (create.modules() != null) {
            for (Long moduleId : create.modules()) {
                addModule(tenant, set, moduleId);
            }
        }
        return set;
    }

    @Transactional(readOnly = true)
    public DistributionSet get(String tenant, Long id) {
        return sets.findByTenantAndId(tenant, id).orElseThrow(() -> new EntityNotFoundException("DistributionSet", id));
    }

    /** The tenant's (not deleted) set with exactly this name and version; 404 otherwise. */
    @Transactional(readOnly = true)
    public DistributionSet byNameAndVersion(String tenant, String name, String version) {
        return sets.findByTenantAndNameAndVersionAndDeletedFalse(tenant, name, version)
                .orElseThrow(() -> new EntityNotFoundException("DistributionSet", name + ":" + version));
    }

    /**
     * A set that may be deployed (assigned, rolled out, auto-assigned): not deleted (404 as if absent), valid (400
     * {@link ServerError#DS_INVALID} once invalidated) and complete (400 {@link ServerError#DS_INCOMPLETE} when a
     * mandatory module is missing).
     */
    public DistributionSet deployable(String tenant, Long id) {
        DistributionSet set = get(tenant, id);
        if (set.isDeleted()) {
            throw new EntityNotFoundException("DistributionSet", id);
        }
        if (!set.isValid()) {
            throw new HawkbitException(
                    ServerError.DS_INVALID,
                    "Distribution set " + set.getName() + ":" + set.getVersion() + " was invalidated");
        }
        if (!set.isComplete()) {
            throw new HawkbitException(
                    ServerError.DS_INCOMPLETE,
                    "Distribution set " + set.getName() + ":" + set.getVersion()
                            + " lacks a mandatory software module");
        }
        return set;
    }

    @Transactional(readOnly = true)
    public Page<DistributionSet> find(String tenant, String rsql, Pageable pageable) {
        Specification<DistributionSet> spec = RsqlSpecification.<DistributionSet>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return sets.findAll(spec, pageable);
    }

    public record Update(
            String name, String version, String description, Boolean requiredMigrationStep, Boolean locked) {}

    @Transactional
    public DistributionSet update(String tenant, Long id, Update update) {
        DistributionSet set = get(tenant, id);
        boolean renames = (update.name() != null && !update.name().equals(set.getName()))
                || (update.version() != null && !update.version().equals(set.getVersion()));
        if (renames) {
            String name = update.name() != null ? update.name() : set.getName();
            String version = update.version() != null ? update.version() : set.getVersion();
            if (sets.existsByTenantAndNameAndVersion(tenant, name, version)) {
                throw new EntityAlreadyExistsException("Distribution set " + name + ":" + version + " already exists");
            }
            set.setName(name);
            set.setVersion(version);
        }
        if (update.description() != null) {
            set.setDescription(update.description());
        }
        if (update.requiredMigrationStep() != null) {
            set.setRequiredMigrationStep(update.requiredMigrationStep());
        }
        if (Boolean.TRUE.equals(update.locked())) {
            set.lock();
        }
        return updated(sets.saveAndFlush(set));
    }

    @Transactional
    public DistributionSet assignModules(String tenant, Long id, List<Long> moduleIds) {
        DistributionSet set = get(tenant, id);
        checkUnlocked(set);
        for (Long moduleId : moduleIds) {
            addModule(tenant, set, moduleId);
        }
        return updated(sets.saveAndFlush(set));
    }

    @Transactional
    public DistributionSet unassignModule(String tenant, Long id, Long moduleId) {
        DistributionSet set = get(tenant, id);
        checkUnlocked(set);
        if (!set.removeModule(moduleId)) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        return updated(sets.saveAndFlush(set));
    }

    private DistributionSet updated(DistributionSet set) {
        events.publish(new DistributionSetUpdatedEvent(set.getTenant(), set.getId(), events.origin()));
        return set;
    }

    private void addModule(String tenant, DistributionSet set, Long moduleId) {
        SoftwareModule module = modules.get(tenant, moduleId);
        if (module.isDeleted()) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        if (!set.getType().allows(module.getType())) {
            throw new HawkbitException(
                    ServerError.DS_MODULE_UNSUPPORTED,
                    "Software module type " + module.getType().getKey() + " is not supported by distribution set type "
                            + set.getType().getKey());
        }
        long sameType = set.getModules().stream()
                .filter(m -> m.getType().getId().equals(module.getType().getId())
                        && !m.getId().equals(moduleId))
                .count();
        if (sameType >= module.getType().getMaxAssignments()) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED,
                    "Distribution set already holds " + module.getType().getMaxAssignments() + " module(s) of type "
                            + module.getType().getKey());
        }
        set.addModule(module);
    }

    private static void checkUnlocked(DistributionSet set) {
        if (set.isLocked()) {
            throw new HawkbitException(
                    ServerError.ENTITY_LOCKED,
                    "Distribution set " + set.getId() + " is locked (it was assigned); its modules cannot change");
        }
    }

    /** Marks the set invalid for good; see {@code DistributionSetInvalidation} for what else goes with it. */
    @Transactional
    public DistributionSet invalidate(String tenant, Long id) {
        DistributionSet set = get(tenant, id);
        set.invalidate();
        return updated(sets.saveAndFlush(set));
    }

    /** The set's tags by id (its tags are loaded lazily, so callers outside a transaction ask here). */
    @Transactional(readOnly = true)
    public List<DistributionSetTag> tagsOf(String tenant, Long id) {
        return get(tenant, id).getTags().stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
    }

    /** Puts a tag on sets; every set must exist, or nothing changes. A set that has the tag keeps it. */
    @Transactional
    public void tag(String tenant, Long tagId, Collection<Long> setIds) {
        DistributionSetTag tag = tags.get(tenant, tagId);
        List<DistributionSet> tagged = existing(tenant, setIds);
        tagged.forEach(set -> set.getTags().add(tag));
        sets.flush();
        tagged.forEach(this::updated);
    }

    /** Takes a tag off sets; every set must exist, or nothing changes. A set without the tag is left as it is. */
    @Transactional
    public void untag(String tenant, Long tagId, Collection<Long> setIds) {
        DistributionSetTag tag = tags.get(tenant, tagId);
        List<DistributionSet> untagged = existing(tenant, setIds);
        untagged.forEach(set -> set.getTags().remove(tag));
        sets.flush();
        untagged.forEach(this::updated);
    }

    /** The undeleted sets carrying the tag, filtered by RSQL; 404 for an unknown tag. */
    @Transactional(readOnly = true)
    public Page<DistributionSet> tagged(String tenant, Long tagId, String rsql, Pageable pageable) {
        tags.get(tenant, tagId);
        Specification<DistributionSet> spec = RsqlSpecification.<DistributionSet>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(
                        cb.equal(root.get("tenant"), tenant),
                        cb.isFalse(root.get("deleted")),
                        cb.equal(root.join("tags").get("id"), tagId)));
        return sets.findAll(spec, pageable);
    }

    /** The sets with these ids in one query; 404 naming the first id that is not the tenant's. */
    private List<DistributionSet> existing(String tenant, Collection<Long> setIds) {
        quota.check(setIds.size(), "distribution sets");
        Set<Long> ids = new LinkedHashSet<>(setIds);
        Map<Long, DistributionSet> found = new HashMap<>();
        for (DistributionSet set : BatchQuota.inChunks(ids, sets::findAllById)) {
            if (set.getTenant().equals(tenant)) {
                found.put(set.getId(), set);
            }
        }
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw new EntityNotFoundException("DistributionSet", id);
            }
        }
        return ids.stream().map(found::get).toList();
    }

    /** A set that was ever deployed is only marked deleted, so action history keeps its reference. */
    @Transactional
    public void delete(String tenant, Long id) {
        DistributionSet set = get(tenant, id);
        if (sets.isReferenced(id)) {
            set.markDeleted();
        } else {
            sets.delete(set);
        }
        events.publish(new DistributionSetDeletedEvent(tenant, id, events.origin()));
    }
}
