package io.hawkbit.repository.targettype;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of target types: the types themselves and their compatible distribution set types. */
@Service
public class TargetTypeService {

    /** hawkBit's {@code TargetTypeFields}. */
    public static final QueryFields FIELDS = QueryFields.of(Map.of(
            "id", "id",
            "key", "key",
            "name", "name",
            "description", "description",
            "createdAt", "createdAt",
            "createdBy", "createdBy",
            "lastModifiedAt", "lastModifiedAt",
            "lastModifiedBy", "lastModifiedBy"));

    private final TargetTypeRepository types;
    private final DistributionSetTypeService dsTypes;
    private final BatchQuota quota;

    public TargetTypeService(TargetTypeRepository types, DistributionSetTypeService dsTypes, BatchQuota quota) {
        this.types = types;
        this.dsTypes = dsTypes;
        this.quota = quota;
    }

    /** One type to create; a missing key takes the name and a missing name the key, as in hawkBit. */
    public record Create(String key, String name, String description, String colour, List<Long> compatible) {

        String effectiveKey() {
            return blank(key) ? name : key;
        }

        String effectiveName() {
            return blank(name) ? key : name;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Creates all or none; every compatible distribution set type must exist. */
    @Transactional
    public List<TargetType> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "target types");
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Create create : creates) {
            if (blank(create.key()) && blank(create.name())) {
                throw new HawkbitException(ServerError.TARGET_TYPE_KEY_OR_NAME_REQUIRED);
            }
            if (!keys.add(create.effectiveKey()) || !names.add(create.effectiveName())) {
                throw new EntityAlreadyExistsException("The request names the target type key '" + create.effectiveKey()
                        + "' or name '" + create.effectiveName() + "' more than once");
            }
        }
        List<Object[]> existing = types.findKeysOrNames(tenant, keys, names);
        if (!existing.isEmpty()) {
            throw new EntityAlreadyExistsException("A target type with key '" + existing.get(0)[0] + "' or name '"
                    + existing.get(0)[1] + "' already exists");
        }
        List<TargetType> built = creates.stream()
                .map(create -> {
                    TargetType type = new TargetType(
                            tenant,
                            create.effectiveKey(),
                            create.effectiveName(),
                            create.description(),
                            create.colour());
                    compatibleTypes(tenant, create.compatible()).forEach(type::addCompatible);
                    return type;
                })
                .toList();
        List<TargetType> saved = types.saveAll(built);
        types.flush();
        return saved;
    }

    private List<DistributionSetType> compatibleTypes(String tenant, Collection<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        quota.check(ids.size(), "compatible distribution set types");
        return ids.stream().distinct().map(id -> dsTypes.get(tenant, id)).toList();
    }

    @Transactional(readOnly = true)
    public TargetType get(String tenant, Long id) {
        return types.findByTenantAndId(tenant, id).orElseThrow(() -> new EntityNotFoundException("TargetType", id));
    }

    /** The type with its compatible distribution set types loaded. */
    @Transactional(readOnly = true)
    public List<DistributionSetType> compatible(String tenant, Long id) {
        return get(tenant, id).compatibleTypes();
    }

    /** Names of the given types by id, in one query; ids of other tenants or unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(String tenant, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        BatchQuota.inChunks(ids, chunk -> types.findNames(tenant, chunk))
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    @Transactional(readOnly = true)
    public Page<TargetType> find(String tenant, String rsql, Pageable pageable) {
        Specification<TargetType> spec = RsqlSpecification.<TargetType>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        return types.findAll(spec, pageable);
    }

    /** Changes the given fields; null leaves a field as it is. The key is fixed once created. */
    @Transactional
    public TargetType update(String tenant, Long id, String name, String description, String colour) {
        TargetType type = get(tenant, id);
        if (name != null && !name.equals(type.getName())) {
            if (types.existsByTenantAndNameAndIdNot(tenant, name, id)) {
                throw new EntityAlreadyExistsException("A target type named '" + name + "' already exists");
            }
            type.setName(name);
        }
        if (description != null) {
            type.setDescription(description);
        }
        if (colour != null) {
            type.setColour(colour);
        }
        return types.saveAndFlush(type);
    }

    /** Refused with 409 while a target has the type, as in hawkBit. */
    @Transactional
    public void delete(String tenant, Long id) {
        TargetType type = get(tenant, id);
        if (types.countTargets(type.getId()) > 0) {
            throw new HawkbitException(
                    ServerError.TARGET_TYPE_IN_USE,
                    "Target type " + type.getName() + " is assigned to targets and cannot be deleted");
        }
        types.delete(type);
    }

    /** Adds compatible distribution set types; all must exist, or nothing changes. */
    @Transactional
    public TargetType addCompatible(String tenant, Long id, List<Long> dsTypeIds) {
        TargetType type = get(tenant, id);
        compatibleTypes(tenant, dsTypeIds).forEach(type::addCompatible);
        return types.saveAndFlush(type);
    }

    /** Removes a distribution set type from the compatible ones; an unknown distribution set type is a 404. */
    @Transactional
    public TargetType removeCompatible(String tenant, Long id, Long dsTypeId) {
        TargetType type = get(tenant, id);
        dsTypes.get(tenant, dsTypeId);
        type.removeCompatible(dsTypeId);
        return types.saveAndFlush(type);
    }
}
