package io.hawkbit.repository.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One metadata entry of a distribution set, read-only: entries are written through
 * {@link DistributionSet#getMetadata()}; this view of the same rows lets lists be filtered, sorted and paged in the
 * database.
 */
@Entity
@Immutable
@Table(name = "distribution_set_metadata")
@IdClass(DistributionSetMetadata.Key.class)
public class DistributionSetMetadata {

    @Id
    @Column(name = "ds_id")
    private Long distributionSetId;

    @Id
    @Column(name = "meta_key")
    private String key;

    @Column(name = "meta_value")
    private String value;

    protected DistributionSetMetadata() {}

    public Long getDistributionSetId() {
        return distributionSetId;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    /** Primary key: owner and key. */
    public static class Key implements Serializable {

        private Long distributionSetId;
        private String key;

        public Key() {}

        public Key(Long distributionSetId, String key) {
            this.distributionSetId = distributionSetId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(distributionSetId, other.distributionSetId)
                    && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(distributionSetId, key);
        }
    }
}
