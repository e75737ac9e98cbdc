package io.hawkbit.repository.targettype;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.distribution.DistributionSetType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A kind of device (hawkBit's target type): which distribution set types its targets can install. */
@Entity
@Table(name = "target_type")
public class TargetType extends BaseEntity {

    @Column(name = "type_key", nullable = false, updatable = false, length = 64)
    private String key;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "colour", length = 16)
    private String colour;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "target_type_ds_type",
            joinColumns = @JoinColumn(name = "target_type_id"),
            inverseJoinColumns = @JoinColumn(name = "ds_type_id"))
    private Set<DistributionSetType> distributionSetTypes = new HashSet<>();

    protected TargetType() {}

    public TargetType(String tenant, String key, String name, String description, String colour) {
        super(tenant);
        this.key = key;
        this.name = name;
        this.description = description;
        this.colour = colour;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    /** The compatible distribution set types, lowest id first. */
    public List<DistributionSetType> compatibleTypes() {
        return distributionSetTypes.stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
    }

    public boolean isCompatibleWith(DistributionSetType type) {
        return distributionSetTypes.stream().anyMatch(t -> t.getId().equals(type.getId()));
    }

    void addCompatible(DistributionSetType type) {
        if (!isCompatibleWith(type)) {
            distributionSetTypes.add(type);
        }
    }

    boolean removeCompatible(Long dsTypeId) {
        return distributionSetTypes.removeIf(t -> t.getId().equals(dsTypeId));
    }
}
