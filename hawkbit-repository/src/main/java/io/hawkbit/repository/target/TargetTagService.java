package io.hawkbit.repository.target;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetTagCreatedEvent;
import io.hawkbit.repository.event.TargetTagDeletedEvent;
import io.hawkbit.repository.event.TargetTagUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of target tags. */
@Service
public class TargetTagService {

    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("colour", "colour"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final TargetTagRepository tags;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;

    public TargetTagService(TargetTagRepository tags, ClusterEventPublisher events, BatchQuota quota) {
        this.events = events;
        this.quota = quota;
        this.tags = tags;
    }

    public record Create(String name, String description, String colour) {}

    /** Creates all or none, with one look-up of existing names and one flush. */
    @Transactional
    public List<TargetTag> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "target tags");
        Set<String> names = new HashSet<>();
        for (Create create : creates) {
            if (!names.add(create.name())) {
                throw new EntityAlreadyExistsException(
                        "The request names the target tag '" + create.name() + "' more than once");
            }
        }
        List<String> existing = BatchQuota.inChunks(names, chunk -> tags.findNames(tenant, chunk));
        if (!existing.isEmpty()) {
            throw new EntityAlreadyExistsException("Target tag '" + existing.get(0) + "' already exists");
        }
        List<TargetTag> saved = tags.saveAll(creates.stream()
                .map(create -> {
                    TargetTag tag = new TargetTag(tenant, create.name());
                    tag.setDescription(create.description());
                    tag.setColour(create.colour());
                    return tag;
                })
                .toList());
        tags.flush();
        saved.forEach(tag -> events.publish(new TargetTagCreatedEvent(tenant, tag.getId(), events.origin())));
        return saved;
    }

    @Transactional(readOnly = true)
    public TargetTag get(String tenant, Long id) {
        return tags.findByTenantAndId(tenant, id).orElseThrow(() -> new EntityNotFoundException("TargetTag", id));
    }

    @Transactional(readOnly = true)
    public Page<TargetTag> find(String tenant, String rsql, Pageable pageable) {
        Specification<TargetTag> spec = RsqlSpecification.<TargetTag>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        return tags.findAll(spec, pageable);
    }

    @Transactional
    public TargetTag update(String tenant, Long id, Create update) {
        TargetTag tag = get(tenant, id);
        if (update.name() != null && !update.name().equals(tag.getName())) {
            if (tags.existsByTenantAndName(tenant, update.name())) {
                throw new EntityAlreadyExistsException("Target tag '" + update.name() + "' already exists");
            }
            tag.setName(update.name());
        }
        if (update.description() != null) {
            tag.setDescription(update.description());
        }
        if (update.colour() != null) {
            tag.setColour(update.colour());
        }
        events.publish(new TargetTagUpdatedEvent(tenant, id, events.origin()));
        return tags.saveAndFlush(tag);
    }

    @Transactional
    public void delete(String tenant, Long id) {
        tags.delete(get(tenant, id));
        events.publish(new TargetTagDeletedEvent(tenant, id, events.origin()));
    }
}
