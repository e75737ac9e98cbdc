package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.SoftwareModuleTypeCreatedEvent;
import io.hawkbit.repository.event.SoftwareModuleTypeDeletedEvent;
import io.hawkbit.repository.event.SoftwareModuleTypeUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of software module types. */
@Service
public class SoftwareModuleTypeService {

    public static final QueryFields FIELDS = QueryFields.of(java.util.Map.of(
            "id",
            "id",
            "key",
            "key",
            "name",
            "name",
            "description",
            "description",
            "maxAssignments",
            "maxAssignments",
            "deleted",
            "deleted",
            "createdAt",
            "createdAt",
            "createdBy",
            "createdBy",
            "lastModifiedAt",
            "lastModifiedAt",
            "lastModifiedBy",
            "lastModifiedBy"));

    private final SoftwareModuleTypeRepository types;
    private final SoftwareModuleRepository modules;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;

    public SoftwareModuleTypeService(
            SoftwareModuleTypeRepository types,
            SoftwareModuleRepository modules,
            ClusterEventPublisher events,
            BatchQuota quota) {
        this.events = events;
        this.quota = quota;
        this.types = types;
        this.modules = modules;
    }

    public record Create(String key, String name, String description, String colour, Integer maxAssignments) {}

    /** Creates all or none, with one look-up of existing keys and names and one flush. */
    @Transactional
    public List<SoftwareModuleType> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "software module types");
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Create create : creates) {
            if (!keys.add(create.key()) || !names.add(create.name())) {
                throw new EntityAlreadyExistsException("The request names the software module type key '" + create.key()
                        + "' or name '" + create.name() + "' more than once");
            }
        }
        List<Object[]> existing = BatchQuota.inChunks(
                creates,
                chunk -> types.findKeysOrNames(
                        tenant,
                        chunk.stream().map(Create::key).toList(),
                        chunk.stream().map(Create::name).toList()));
        if (!existing.isEmpty()) {
            throw new EntityAlreadyExistsException("A software module type with key '" + existing.get(0)[0]
                    + "' or name '" + existing.get(0)[1] + "' already exists");
        }
        List<SoftwareModuleType> saved = types.saveAll(creates.stream()
                .map(create -> {
                    SoftwareModuleType type = new SoftwareModuleType(
                            tenant,
                            create.key(),
                            create.name(),
                            create.description(),
                            create.maxAssignments() == null ? 1 : create.maxAssignments());
                    type.setColour(create.colour());
                    return type;
                })
                .toList());
        types.flush();
        saved.forEach(
                type -> events.publish(new SoftwareModuleTypeCreatedEvent(tenant, type.getId(), events.origin())));
        return saved;
    }

    @Transactional(readOnly = true)
    public SoftwareModuleType get(String tenant, Long id) {
        return types.findByTenantAndId(tenant, id)
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModuleType", id));
    }

    @Transactional(readOnly = true)
    public SoftwareModuleType getByKey(String tenant, String key) {
        return types.findByTenantAndKey(tenant, key)
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModuleType", key));
    }

    @Transactional(readOnly = true)
    public Page<SoftwareModuleType> find(String tenant, String rsql, Pageable pageable) {
        Specification<SoftwareModuleType> spec = RsqlSpecification.<SoftwareModuleType>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return types.findAll(spec, pageable);
    }

    @Transactional
    public SoftwareModuleType update(String tenant, Long id, String description, String colour) {
        SoftwareModuleType type = get(tenant, id);
        if (description != null) {
            type.setDescription(description);
        }
        if (colour != null) {
            type.setColour(colour);
        }
        events.publish(new SoftwareModuleTypeUpdatedEvent(tenant, id, events.origin()));
        return types.saveAndFlush(type);
    }

    /** Deletes an unused type; one still referenced by modules or distribution set types is only marked deleted, as hawkBit does. */
    @Transactional
    public void delete(String tenant, Long id) {
        SoftwareModuleType type = get(tenant, id);
        if (modules.existsByType(type) || types.isInAnyDistributionSetType(id)) {
            type.markDeleted();
        } else {
            types.delete(type);
        }
        events.publish(new SoftwareModuleTypeDeletedEvent(tenant, id, events.origin()));
    }
}
