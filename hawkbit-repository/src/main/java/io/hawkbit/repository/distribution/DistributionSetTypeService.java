package io.hawkbit.repository.distribution;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetTypeCreatedEvent;
import io.hawkbit.repository.event.DistributionSetTypeDeletedEvent;
import io.hawkbit.repository.event.DistributionSetTypeUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of distribution set types. */
@Service
public class DistributionSetTypeService {

    /** The type every tenant starts with as its default (created by {@code TenantInitializer}). */
    static final String DEFAULT_KEY = "os_app";

    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("key", "key"),
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("deleted", "deleted"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final DistributionSetTypeRepository types;
    private final DistributionSetRepository sets;
    private final SoftwareModuleTypeService moduleTypes;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;
    private final TenantSettings settings;

    public DistributionSetTypeService(
            DistributionSetTypeRepository types,
            DistributionSetRepository sets,
            SoftwareModuleTypeService moduleTypes,
            ClusterEventPublisher events,
            BatchQuota quota,
            TenantSettings settings) {
        this.settings = settings;
        this.events = events;
        this.quota = quota;
        this.types = types;
        this.sets = sets;
        this.moduleTypes = moduleTypes;
    }

    public record Create(
            String key,
            String name,
            String description,
            String colour,
            List<Long> mandatoryModuleTypes,
            List<Long> optionalModuleTypes) {}

    /**
     * Creates all or none, with one look-up of existing keys and names and one flush. The module types are looked up
     * before anything is saved, so those look-ups never flush the batch.
     */
    @Transactional
    public List<DistributionSetType> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "distribution set types");
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Create create : creates) {
            if (!keys.add(create.key()) || !names.add(create.name())) {
                throw new EntityAlreadyExistsException("The request names the distribution set type key '"
                        + create.key() + "' or name '" + create.name() + "' more than once");
            }
        }
        List<Object[]> existing = BatchQuota.inChunks(
                creates,
                chunk -> types.findKeysOrNames(
                        tenant,
                        chunk.stream().map(Create::key).toList(),
                        chunk.stream().map(Create::name).toList()));
        if (!existing.isEmpty()) {
            throw new EntityAlreadyExistsException("A distribution set type with key '" + existing.get(0)[0]
                    + "' or name '" + existing.get(0)[1] + "' already exists");
        }
        List<DistributionSetType> built = creates.stream()
                .map(create -> {
                    DistributionSetType type =
                            new DistributionSetType(tenant, create.key(), create.name(), create.description());
                    type.setColour(create.colour());
                    nullSafe(create.mandatoryModuleTypes())
                            .forEach(id -> type.addModuleType(moduleTypes.get(tenant, id), true));
                    nullSafe(create.optionalModuleTypes())
                            .forEach(id -> type.addModuleType(moduleTypes.get(tenant, id), false));
                    return type;
                })
                .toList();
        List<DistributionSetType> saved = types.saveAll(built);
        types.flush();
        saved.forEach(
                type -> events.publish(new DistributionSetTypeCreatedEvent(tenant, type.getId(), events.origin())));
        return saved;
    }

    private static List<Long> nullSafe(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }

    @Transactional(readOnly = true)
    public DistributionSetType get(String tenant, Long id) {
        return types.findByTenantAndId(tenant, id)
                .orElseThrow(() -> new EntityNotFoundException("DistributionSetType", id));
    }

    /**
     * The type a new set gets when it names none: the one {@code default.ds.type} names, else the tenant's
     * {@code os_app} type.
     */
    @Transactional(readOnly = true)
    public DistributionSetType defaultType(String tenant) {
        String id = settings.value(tenant, TenantConfigKey.DEFAULT_DS_TYPE);
        return id.isEmpty() ? getByKey(tenant, DEFAULT_KEY) : get(tenant, Long.valueOf(id));
    }

    @Transactional(readOnly = true)
    public DistributionSetType getByKey(String tenant, String key) {
        return types.findByTenantAndKey(tenant, key)
                .orElseThrow(() -> new EntityNotFoundException("DistributionSetType", key));
    }

    @Transactional(readOnly = true)
    public Page<DistributionSetType> find(String tenant, String rsql, Pageable pageable) {
        Specification<DistributionSetType> spec = RsqlSpecification.<DistributionSetType>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return types.findAll(spec, pageable);
    }

    @Transactional
    public DistributionSetType update(String tenant, Long id, String description, String colour) {
        DistributionSetType type = get(tenant, id);
        if (description != null) {
            type.setDescription(description);
        }
        if (colour != null) {
            type.setColour(colour);
        }
        return updated(types.saveAndFlush(type));
    }

    /** Module types of a type in use are frozen: sets already built on it must stay valid. */
    @Transactional
    public DistributionSetType addModuleType(String tenant, Long id, Long moduleTypeId, boolean mandatory) {
        DistributionSetType type = get(tenant, id);
        checkUnused(type);
        type.addModuleType(moduleTypes.get(tenant, moduleTypeId), mandatory);
        return updated(types.saveAndFlush(type));
    }

    @Transactional
    public DistributionSetType removeModuleType(String tenant, Long id, Long moduleTypeId) {
        DistributionSetType type = get(tenant, id);
        checkUnused(type);
        if (!type.removeModuleType(moduleTypeId)) {
            throw new EntityNotFoundException("SoftwareModuleType", moduleTypeId);
        }
        return updated(types.saveAndFlush(type));
    }

    private DistributionSetType updated(DistributionSetType type) {
        events.publish(new DistributionSetTypeUpdatedEvent(type.getTenant(), type.getId(), events.origin()));
        return type;
    }

    private void checkUnused(DistributionSetType type) {
        if (sets.existsByType(type)) {
            throw new HawkbitException(
                    ServerError.ENTITY_READ_ONLY,
                    "Distribution set type " + type.getKey() + " is in use; its module types cannot change");
        }
    }

    @Transactional
    public void delete(String tenant, Long id) {
        DistributionSetType type = get(tenant, id);
        if (sets.existsByType(type)) {
            type.markDeleted();
        } else {
            types.delete(type);
        }
        events.publish(new DistributionSetTypeDeletedEvent(tenant, id, events.origin()));
    }
}
