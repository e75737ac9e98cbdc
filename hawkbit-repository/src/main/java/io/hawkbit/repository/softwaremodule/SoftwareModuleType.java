package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A kind of software module (`os`, `application`, `runtime`, ...), with how many of it a distribution set may hold. */
@Entity
@Table(name = "software_module_type")
public class SoftwareModuleType extends BaseEntity {

    @Column(name = "type_key", nullable = false, updatable = false, length = 64)
    private String key;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "colour", length = 16)
    private String colour;

    @Column(name = "max_assignments", nullable = false)
    private int maxAssignments;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    protected SoftwareModuleType() {}

    public SoftwareModuleType(String tenant, String key, String name, String description, int maxAssignments) {
        super(tenant);
        this.key = key;
        this.name = name;
        this.description = description;
        this.maxAssignments = maxAssignments;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    public int getMaxAssignments() {
        return maxAssignments;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        this.deleted = true;
    }
}
