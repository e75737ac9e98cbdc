package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.SoftwareModuleUpdatedEvent;
import io.hawkbit.repository.metadata.MetadataProperties;
import io.hawkbit.repository.metadata.MetadataRules;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of software module metadata, as hawkBit 1.1 has them: create and update both create or replace, an
 * update leaves out what it does not name, every change publishes the module's {@link SoftwareModuleUpdatedEvent}.
 * Entries marked {@code targetVisible} are sent to devices. Soft-deleted modules keep their metadata: devices still
 * installing a set that holds one get it.
 */
@Service
public class SoftwareModuleMetadataService {

    /** {@code q} and {@code sort} fields of module metadata lists. */
    public static final QueryFields FIELDS =
            QueryFields.of(Map.of("key", "key", "value", "value", "targetVisible", "targetVisible"));

    private final SoftwareModuleRepository modules;
    private final SoftwareModuleMetadataRepository entries;
    private final MetadataProperties properties;
    private final ClusterEventPublisher events;

    public SoftwareModuleMetadataService(
            SoftwareModuleRepository modules,
            SoftwareModuleMetadataRepository entries,
            MetadataProperties properties,
            ClusterEventPublisher events) {
        this.modules = modules;
        this.entries = entries;
        this.properties = properties;
        this.events = events;
    }

    /** One entry to write; a null {@code value} or {@code targetVisible} keeps what the entry has (new: false). */
    public record Write(String key, String value, Boolean targetVisible) {}

    /** The module's entries matching {@code rsql} over {@code key}, {@code value}, {@code targetVisible}. */
    @Transactional(readOnly = true)
    public Page<SoftwareModuleMetadata> find(String tenant, Long moduleId, String rsql, Pageable pageable) {
        module(tenant, moduleId);
        Specification<SoftwareModuleMetadata> spec = RsqlSpecification.<SoftwareModuleMetadata>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("softwareModuleId"), moduleId));
        return entries.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public SoftwareModuleMetadata get(String tenant, Long moduleId, String key) {
        module(tenant, moduleId);
        return entries.findById(new SoftwareModuleMetadata.Key(moduleId, key))
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModule metadata", moduleId + ":" + key));
    }

    /** Creates or updates all entries, or none when one is invalid or the quota would be passed. */
    @Transactional
    public void write(String tenant, Long moduleId, List<Write> writes) {
        MetadataRules.checkUnique(writes.stream().map(Write::key).toList());
        writes.forEach(write -> MetadataRules.checkKey(write.key()));
        SoftwareModule module = module(tenant, moduleId);
        Map<String, SoftwareModuleMetadataValue> metadata = module.getMetadata();
        Map<String, SoftwareModuleMetadataValue> merged = new LinkedHashMap<>();
        for (Write write : writes) {
            SoftwareModuleMetadataValue existing = metadata.get(write.key());
            String value = write.value() != null || existing == null ? write.value() : existing.getValue();
            MetadataRules.checkValue(value);
            boolean visible = write.targetVisible() != null
                    ? write.targetVisible()
                    : existing != null && existing.isTargetVisible();
            merged.put(write.key(), new SoftwareModuleMetadataValue(value, visible));
        }
        long added = merged.keySet().stream()
                .filter(key -> !metadata.containsKey(key))
                .count();
        MetadataRules.checkQuota(
                metadata.size() + (int) added,
                properties.getMaxEntriesPerSoftwareModule(),
                "software module",
                moduleId);
        metadata.putAll(merged);
        updated(module);
    }

    @Transactional
    public void delete(String tenant, Long moduleId, String key) {
        SoftwareModule module = module(tenant, moduleId);
        if (module.getMetadata().remove(key) == null) {
            throw new EntityNotFoundException("SoftwareModule metadata", moduleId + ":" + key);
        }
        updated(module);
    }

    /**
     * The entries marked {@code targetVisible} of the given modules, by module id and ordered by key; modules without
     * any are absent. One query, whatever the number of modules.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<SoftwareModuleMetadata>> targetVisible(Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return Map.of();
        }
        return entries.findBySoftwareModuleIdInAndTargetVisibleTrueOrderBySoftwareModuleIdAscKeyAsc(moduleIds).stream()
                .collect(Collectors.groupingBy(
                        SoftwareModuleMetadata::getSoftwareModuleId, LinkedHashMap::new, Collectors.toList()));
    }

    private SoftwareModule module(String tenant, Long moduleId) {
        return modules.findByTenantAndId(tenant, moduleId)
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModule", moduleId));
    }

    private void updated(SoftwareModule module) {
        modules.saveAndFlush(module);
        events.publish(new SoftwareModuleUpdatedEvent(module.getTenant(), module.getId(), events.origin()));
    }
}
