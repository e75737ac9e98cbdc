package io.hawkbit.repository.distribution;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A kind of distribution set (`os`, `app`, `os_app`, ...): which module types it must and may contain. */
@Entity
@Table(name = "distribution_set_type")
public class DistributionSetType extends BaseEntity {

    @Column(name = "type_key", nullable = false, updatable = false, length = 64)
    private String key;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "colour", length = 16)
    private String colour;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ds_type_element", joinColumns = @JoinColumn(name = "ds_type_id"))
    private Set<DistributionSetTypeElement> elements = new HashSet<>();

    protected DistributionSetType() {}

    public DistributionSetType(String tenant, String key, String name, String description) {
        super(tenant);
        this.key = key;
        this.name = name;
        this.description = description;
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

    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        this.deleted = true;
    }

    public void addModuleType(SoftwareModuleType type, boolean mandatory) {
        elements.removeIf(e -> e.getModuleType().getId().equals(type.getId()));
        elements.add(new DistributionSetTypeElement(type, mandatory));
    }

    public boolean removeModuleType(Long moduleTypeId) {
        return elements.removeIf(e -> e.getModuleType().getId().equals(moduleTypeId));
    }

    public List<SoftwareModuleType> mandatoryTypes() {
        return elements.stream()
                .filter(DistributionSetTypeElement::isMandatory)
                .map(DistributionSetTypeElement::getModuleType)
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
    }

    public List<SoftwareModuleType> optionalTypes() {
        return elements.stream()
                .filter(e -> !e.isMandatory())
                .map(DistributionSetTypeElement::getModuleType)
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
    }

    public boolean allows(SoftwareModuleType type) {
        return elements.stream().anyMatch(e -> e.getModuleType().getId().equals(type.getId()));
    }
}
