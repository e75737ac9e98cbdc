package io.hawkbit.repository.target;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One row of {@code target_attributes} (a controller attribute of a target), read-only: {@link
 * Target#getControllerAttributes()} writes them. Mapped so that an RSQL filter on an attribute is an {@code EXISTS}
 * over this table alone, correlated with the outer target, not over a second copy of {@code target}.
 */
@Entity
@Immutable
@Table(name = "target_attributes")
public class TargetAttribute {

    /** The attribute's key, the table's primary key. */
    @Embeddable
    public record Key(
            @Column(name = "target_id") Long targetId,
            @Column(name = "attribute_key", length = 128) String key) {}

    @EmbeddedId
    private Key id;

    @Column(name = "attribute_value", length = 512)
    private String value;

    /**
     * The database's lower-case copy of the value (a generated column, V1_19): RSQL's case-insensitive comparisons on
     * attributes use it, so a filter is a range of {@code ix_target_attributes_tenant_value (tenant, key, value,
     * target)}.
     */
    @Column(name = "attribute_value_lower", insertable = false, updatable = false, length = 512)
    private String valueLower;

    /** The target's tenant (V1_20), so that counting an attribute filter's matches needs no lookup of the target. */
    @Column(name = "tenant", length = 40)
    private String tenant;

    protected TargetAttribute() {}
}
