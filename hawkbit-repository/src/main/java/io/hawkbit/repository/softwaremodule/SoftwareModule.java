package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A versioned piece of software (an OS image, an application) with its artifacts. */
@Entity
@Table(name = "software_module")
public class SoftwareModule extends BaseEntity {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "module_type_id", nullable = false, updatable = false)
    private SoftwareModuleType type;

    @Column(name = "name", nullable = false, updatable = false, length = 128)
    private String name;

    @Column(name = "version", nullable = false, updatable = false, length = 64)
    private String version;

    @Column(name = "vendor", length = 256)
    private String vendor;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @OneToMany(mappedBy = "softwareModule", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Artifact> artifacts = new ArrayList<>();

    /** hawkBit's module metadata; written here, listed through {@link SoftwareModuleMetadata}. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "software_module_metadata", joinColumns = @JoinColumn(name = "sm_id"))
    @MapKeyColumn(name = "meta_key", length = 128)
    private Map<String, SoftwareModuleMetadataValue> metadata = new HashMap<>();

    protected SoftwareModule() {}

    public SoftwareModule(String tenant, SoftwareModuleType type, String name, String version) {
        super(tenant);
        this.type = type;
        this.name = name;
        this.version = version;
    }

    public SoftwareModuleType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        this.deleted = true;
    }

    public List<Artifact> getArtifacts() {
        return artifacts;
    }

    /** The modifiable metadata; a change bumps the module's version, so concurrent writers cannot both pass the quota. */
    public Map<String, SoftwareModuleMetadataValue> getMetadata() {
        return metadata;
    }
}
