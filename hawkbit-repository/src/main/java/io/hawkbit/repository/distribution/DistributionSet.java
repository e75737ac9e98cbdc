package io.hawkbit.repository.distribution;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What gets deployed to a target: a named, versioned set of software modules of a given type. */
@Entity
@Table(name = "distribution_set")
public class DistributionSet extends BaseEntity {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "ds_type_id", nullable = false, updatable = false)
    private DistributionSetType type;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "version", nullable = false, length = 64)
    private String version;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "required_migration_step", nullable = false)
    private boolean requiredMigrationStep;

    @Column(name = "locked", nullable = false)
    private boolean locked;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "valid", nullable = false)
    private boolean valid = true;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(
            name = "ds_module",
            joinColumns = @JoinColumn(name = "ds_id"),
            inverseJoinColumns = @JoinColumn(name = "module_id"))
    private Set<SoftwareModule> modules = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "ds_tag",
            joinColumns = @JoinColumn(name = "ds_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<DistributionSetTag> tags = new HashSet<>();

    /** hawkBit's set metadata; written here, listed through {@link DistributionSetMetadata}. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "distribution_set_metadata", joinColumns = @JoinColumn(name = "ds_id"))
    @MapKeyColumn(name = "meta_key", length = 128)
    @Column(name = "meta_value", nullable = false, length = 4000)
    private Map<String, String> metadata = new HashMap<>();

    protected DistributionSet() {}

    public DistributionSet(String tenant, DistributionSetType type, String name, String version) {
        super(tenant);
        this.type = type;
        this.name = name;
        this.version = version;
    }

    public DistributionSetType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isRequiredMigrationStep() {
        return requiredMigrationStep;
    }

    public void setRequiredMigrationStep(boolean requiredMigrationStep) {
        this.requiredMigrationStep = requiredMigrationStep;
    }

    public boolean isLocked() {
        return locked;
    }

    /** Locks the set once it is assigned: a deployed set must not change under a device. */
    public void lock() {
        this.locked = true;
    }

    public void unlock() {
        this.locked = false;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        this.deleted = true;
    }

    /** False once an operator invalidated the set: it is never deployed again. */
    public boolean isValid() {
        return valid;
    }

    public void invalidate() {
        this.valid = false;
    }

    /** The modifiable tags (loaded lazily: lists of sets do not need them). */
    public Set<DistributionSetTag> getTags() {
        return tags;
    }

    /** Modules ordered by id, so answers are stable. */
    public List<SoftwareModule> getModules() {
        return modules.stream()
                .sorted(Comparator.comparing(SoftwareModule::getId))
                .toList();
    }

    public void addModule(SoftwareModule module) {
        modules.add(module);
    }

    public boolean removeModule(Long moduleId) {
        return modules.removeIf(m -> m.getId().equals(moduleId));
    }

    /** Complete when every mandatory module type of its type is present. */
    public boolean isComplete() {
        return type.mandatoryTypes().stream()
                .allMatch(
                        t -> modules.stream().anyMatch(m -> m.getType().getId().equals(t.getId())));
    }

    /** The modifiable metadata; a change bumps the set's version, so concurrent writers cannot both pass the quota. */
    public Map<String, String> getMetadata() {
        return metadata;
    }
}
