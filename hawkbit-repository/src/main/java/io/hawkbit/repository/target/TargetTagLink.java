package io.hawkbit.repository.target;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One row of {@code target_target_tag} (a target carries a tag), read-only: {@link Target#getTags()} writes the
 * links. Mapped so that an RSQL filter on tags is an {@code EXISTS} over this table alone, correlated with the outer
 * target; MariaDB then materialises a tag's links once instead of probing them per target (docs/performance.md).
 */
@Entity
@Immutable
@Table(name = "target_target_tag")
public class TargetTagLink {

    /** The link's key, the table's primary key. */
    @Embeddable
    public record Key(
            @Column(name = "target_id") Long targetId,
            @Column(name = "tag_id") Long tagId) {}

    @EmbeddedId
    private Key id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tag_id", insertable = false, updatable = false)
    private TargetTag tag;

    protected TargetTagLink() {}
}
