package io.hawkbit.repository.tag;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of one kind of tag (create, read, rename, delete); each kind is a bean of a subclass that only names its
 * repository and {@link TagKind}.
 */
public class TagService<T extends Tag> {

    /** The fields tags are filtered and sorted by, the same for every kind: hawkBit 1.1's {@code TagFields}. */
    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("colour", "colour"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final TagRepository<T> tags;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;
    private final TagKind<T> kind;

    protected TagService(TagRepository<T> tags, ClusterEventPublisher events, BatchQuota quota, TagKind<T> kind) {
        this.tags = tags;
        this.events = events;
        this.quota = quota;
        this.kind = kind;
    }

    /** A tag to create, or the fields to change (null: unchanged). */
    public record Create(String name, String description, String colour) {}

    /** Creates all or none, with one look-up of existing names and one flush. */
    @Transactional
    public List<T> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), kind.label() + "s");
        Set<String> names = new HashSet<>();
        for (Create create : creates) {
            if (!names.add(create.name())) {
                throw new EntityAlreadyExistsException(
                        "The request names the " + kind.label() + " '" + create.name() + "' more than once");
            }
        }
        List<String> existing = BatchQuota.inChunks(names, chunk -> tags.findNames(tenant, chunk));
        if (!existing.isEmpty()) {
            throw alreadyExists(existing.get(0));
        }
        List<T> saved = tags.saveAll(creates.stream()
                .map(create -> {
                    T tag = kind.factory().apply(tenant, create.name());
                    tag.setDescription(create.description());
                    tag.setColour(create.colour());
                    return tag;
                })
                .toList());
        tags.flush();
        saved.forEach(tag -> events.publish(kind.created().create(tenant, tag.getId(), events.origin())));
        return saved;
    }

    @Transactional(readOnly = true)
    public T get(String tenant, Long id) {
        return tags.findByTenantAndId(tenant, id).orElseThrow(() -> new EntityNotFoundException(kind.entity(), id));
    }

    @Transactional(readOnly = true)
    public Page<T> find(String tenant, String rsql, Pageable pageable) {
        Specification<T> spec =
                RsqlSpecification.<T>parse(rsql, FIELDS).and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        return tags.findAll(spec, pageable);
    }

    @Transactional
    public T update(String tenant, Long id, Create update) {
        T tag = get(tenant, id);
        if (update.name() != null && !update.name().equals(tag.getName())) {
            if (tags.existsByTenantAndName(tenant, update.name())) {
                throw alreadyExists(update.name());
            }
            tag.setName(update.name());
        }
        if (update.description() != null) {
            tag.setDescription(update.description());
        }
        if (update.colour() != null) {
            tag.setColour(update.colour());
        }
        events.publish(kind.updated().create(tenant, id, events.origin()));
        return tags.saveAndFlush(tag);
    }

    /** Deletes the tag; the database drops its assignments with it. */
    @Transactional
    public void delete(String tenant, Long id) {
        tags.delete(get(tenant, id));
        events.publish(kind.deleted().create(tenant, id, events.origin()));
    }

    private EntityAlreadyExistsException alreadyExists(String name) {
        String label = kind.label();
        return new EntityAlreadyExistsException(
                Character.toUpperCase(label.charAt(0)) + label.substring(1) + " '" + name + "' already exists");
    }
}
