package io.hawkbit.repository.target;

import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.repository.metadata.MetadataEntry;
import io.hawkbit.repository.metadata.MetadataProperties;
import io.hawkbit.repository.metadata.MetadataRules;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of target metadata, as hawkBit 1.1 has them: create refuses keys that exist (409), update creates or
 * replaces, every change publishes the target's {@link TargetUpdatedEvent}.
 */
@Service
public class TargetMetadataService {

    private final TargetRepository targets;
    private final TargetMetadataRepository entries;
    private final MetadataProperties properties;
    private final ClusterEventPublisher events;

    public TargetMetadataService(
            TargetRepository targets,
            TargetMetadataRepository entries,
            MetadataProperties properties,
            ClusterEventPublisher events) {
        this.targets = targets;
        this.entries = entries;
        this.properties = properties;
        this.events = events;
    }

    /** The target's entries matching {@code rsql} over {@code key} and {@code value}; 404 for an unknown target. */
    @Transactional(readOnly = true)
    public Page<TargetMetadata> find(String tenant, String controllerId, String rsql, Pageable pageable) {
        Long id = target(tenant, controllerId).getId();
        Specification<TargetMetadata> spec = RsqlSpecification.<TargetMetadata>parse(rsql, MetadataRules.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("targetId"), id));
        return entries.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public TargetMetadata get(String tenant, String controllerId, String key) {
        Long id = target(tenant, controllerId).getId();
        return entries.findById(new TargetMetadata.Key(id, key))
                .orElseThrow(() -> new EntityNotFoundException("Target metadata", controllerId + ":" + key));
    }

    /** Adds all entries or none; a key the target already has is a conflict. */
    @Transactional
    public void create(String tenant, String controllerId, List<MetadataEntry> created) {
        created.forEach(entry -> {
            MetadataRules.checkKey(entry.key());
            MetadataRules.checkValue(entry.value());
        });
        MetadataRules.checkUnique(created.stream().map(MetadataEntry::key).toList());
        Target target = target(tenant, controllerId);
        Map<String, String> metadata = target.getMetadata();
        for (MetadataEntry entry : created) {
            if (metadata.containsKey(entry.key())) {
                throw new EntityAlreadyExistsException("Metadata entry with key '" + entry.key() + "' already exists");
            }
        }
        MetadataRules.checkQuota(
                metadata.size() + created.size(), properties.getMaxEntriesPerTarget(), "target", controllerId);
        created.forEach(entry -> metadata.put(entry.key(), entry.value()));
        updated(target);
    }

    /** Sets the value of a key, adding the entry when the target has none (hawkBit 1.1's PUT). */
    @Transactional
    public void put(String tenant, String controllerId, String key, String value) {
        MetadataRules.checkKey(key);
        MetadataRules.checkValue(value);
        Target target = target(tenant, controllerId);
        Map<String, String> metadata = target.getMetadata();
        if (!metadata.containsKey(key)) {
            MetadataRules.checkQuota(metadata.size() + 1, properties.getMaxEntriesPerTarget(), "target", controllerId);
        }
        metadata.put(key, value);
        updated(target);
    }

    @Transactional
    public void delete(String tenant, String controllerId, String key) {
        Target target = target(tenant, controllerId);
        if (target.getMetadata().remove(key) == null) {
            throw new EntityNotFoundException("Target metadata", controllerId + ":" + key);
        }
        updated(target);
    }

    private Target target(String tenant, String controllerId) {
        return targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
    }

    /** Flushes inside the request: a row the database refuses (a key it compares as equal) is a 4xx, not a failed commit. */
    private void updated(Target target) {
        targets.saveAndFlush(target);
        events.publish(
                new TargetUpdatedEvent(target.getTenant(), target.getId(), target.getControllerId(), events.origin()));
    }
}
