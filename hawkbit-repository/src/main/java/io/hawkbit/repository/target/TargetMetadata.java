package io.hawkbit.repository.target;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One metadata entry of a target, read-only: entries are written through {@link Target#getMetadata()}; this view of
 * the same rows lets lists be filtered, sorted and paged in the database.
 */
@Entity
@Immutable
@Table(name = "target_metadata")
@IdClass(TargetMetadata.Key.class)
public class TargetMetadata {

    @Id
    @Column(name = "target_id")
    private Long targetId;

    @Id
    @Column(name = "meta_key")
    private String key;

    @Column(name = "meta_value")
    private String value;

    protected TargetMetadata() {}

    public Long getTargetId() {
        return targetId;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    /** Primary key: owner and key. */
    public static class Key implements Serializable {

        private Long targetId;
        private String key;

        public Key() {}

        public Key(Long targetId, String key) {
            this.targetId = targetId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(targetId, other.targetId) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(targetId, key);
        }
    }
}
