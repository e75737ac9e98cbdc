package io.hawkbit.repository.distribution;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
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
 * Use cases of distribution set metadata, as hawkBit 1.1 has them: create and update both create or replace (1.1
 * dropped the 409 on existing keys for sets), every change publishes the set's {@link DistributionSetUpdatedEvent}.
 * Soft-deleted sets keep their metadata: their action history still refers to them.
 */
@Service
public class DistributionSetMetadataService {

    private final DistributionSetRepository sets;
    private final DistributionSetMetadataRepository entries;
    private final MetadataProperties properties;
    private final ClusterEventPublisher events;

    public DistributionSetMetadataService(
            DistributionSetRepository sets,
            DistributionSetMetadataRepository entries,
            MetadataProperties properties,
            ClusterEventPublisher events) {
        this.sets = sets;
        this.entries = entries;
        this.properties = properties;
        this.events = events;
    }

    /** The set's entries matching {@code rsql} over {@code key} and {@code value}; 404 for an unknown set. */
    @Transactional(readOnly = true)
    public Page<DistributionSetMetadata> find(String tenant, Long setId, String rsql, Pageable pageable) {
        set(tenant, setId);
        Specification<DistributionSetMetadata> spec = RsqlSpecification.<DistributionSetMetadata>parse(
                        rsql, MetadataRules.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("distributionSetId"), setId));
        return entries.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public DistributionSetMetadata get(String tenant, Long setId, String key) {
        set(tenant, setId);
        return entries.findById(new DistributionSetMetadata.Key(setId, key))
                .orElseThrow(() -> new EntityNotFoundException("DistributionSet metadata", setId + ":" + key));
    }

    /** Creates or replaces all entries, or none when one is invalid or the quota would be passed. */
    @Transactional
    public void create(String tenant, Long setId, List<MetadataEntry> written) {
        written.forEach(entry -> {
            MetadataRules.checkKey(entry.key());
            MetadataRules.checkValue(entry.value());
        });
        MetadataRules.checkUnique(written.stream().map(MetadataEntry::key).toList());
        DistributionSet set = set(tenant, setId);
        Map<String, String> metadata = set.getMetadata();
        long added = written.stream()
                .filter(entry -> !metadata.containsKey(entry.key()))
                .count();
        MetadataRules.checkQuota(
                metadata.size() + (int) added, properties.getMaxEntriesPerDistributionSet(), "distribution set", setId);
        written.forEach(entry -> metadata.put(entry.key(), entry.value()));
        updated(set);
    }

    /** Sets the value of a key, adding the entry when the set has none. */
    @Transactional
    public void put(String tenant, Long setId, String key, String value) {
        create(tenant, setId, List.of(new MetadataEntry(key, value)));
    }

    @Transactional
    public void delete(String tenant, Long setId, String key) {
        DistributionSet set = set(tenant, setId);
        if (set.getMetadata().remove(key) == null) {
            throw new EntityNotFoundException("DistributionSet metadata", setId + ":" + key);
        }
        updated(set);
    }

    private DistributionSet set(String tenant, Long setId) {
        return sets.findByTenantAndId(tenant, setId)
                .orElseThrow(() -> new EntityNotFoundException("DistributionSet", setId));
    }

    private void updated(DistributionSet set) {
        sets.saveAndFlush(set);
        events.publish(new DistributionSetUpdatedEvent(set.getTenant(), set.getId(), events.origin()));
    }
}
