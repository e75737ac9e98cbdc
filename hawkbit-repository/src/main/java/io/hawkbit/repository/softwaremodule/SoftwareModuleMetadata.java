package io.hawkbit.repository.softwaremodule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One metadata entry of a software module, read-only: entries are written through
 * {@link SoftwareModule#getMetadata()}; this view of the same rows lets lists be filtered, sorted and paged in the
 * database, and DDI read the visible entries of many modules in one query.
 */
@Entity
@Immutable
@Table(name = "software_module_metadata")
@IdClass(SoftwareModuleMetadata.Key.class)
public class SoftwareModuleMetadata {

    @Id
    @Column(name = "sm_id")
    private Long softwareModuleId;

    @Id
    @Column(name = "meta_key")
    private String key;

    @Column(name = "meta_value")
    private String value;

    @Column(name = "target_visible")
    private boolean targetVisible;

    protected SoftwareModuleMetadata() {}

    public Long getSoftwareModuleId() {
        return softwareModuleId;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public boolean isTargetVisible() {
        return targetVisible;
    }

    /** Primary key: owner and key. */
    public static class Key implements Serializable {

        private Long softwareModuleId;
        private String key;

        public Key() {}

        public Key(Long softwareModuleId, String key) {
            this.softwareModuleId = softwareModuleId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(softwareModuleId, other.softwareModuleId)
                    && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(softwareModuleId, key);
        }
    }
}
