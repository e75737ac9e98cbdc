package io.hawkbit.repository.target;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.targettype.TargetType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

/** A device, identified by its controllerId within a tenant. */
@Entity
@Table(name = "target")
// Only changed columns are written: the poll write-behind updates last_target_query and address by SQL, and a
// Management update of the same row must not put back the values it read before.
@DynamicUpdate
public class Target extends BaseEntity {

    public static final int GROUP_MAX_LENGTH = 256;

    @Column(name = "controller_id", nullable = false, updatable = false, length = 256)
    private String controllerId;

    /**
     * The database's lower-case copy of the controllerId (a generated column, V1_18, stored since V1_24): RSQL's
     * case-insensitive comparisons on controllerId use it, so a prefix is a range of {@code
     * ix_target_controller_id_lower}.
     */
    @Column(name = "controller_id_lower", insertable = false, updatable = false, length = 256)
    private String controllerIdLower;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Column(name = "security_token", nullable = false, length = 128)
    private String securityToken;

    @Column(name = "address", length = 512)
    private String address;

    /** hawkBit 0.10+'s target group; "/" separates sub-groups. */
    @Column(name = "target_group", length = GROUP_MAX_LENGTH)
    private String group;

    /** Epoch milliseconds of the last poll. */
    @Column(name = "last_target_query")
    private Long lastTargetQuery;

    /**
     * Epoch milliseconds since the overdue scheduler marked the target; 0 (or NULL, as nodes before V1_22 wrote it)
     * while not marked, so that a mark overwrites the value in place. Written only by plain SQL (the scheduler marks,
     * {@link PollRecorder} clears), so a saved entity never writes back a stale value.
     */
    @Column(name = "overdue_since", insertable = false, updatable = false)
    private Long overdueSince;

    /** The mark as a boolean, for queries ({@code overdue==true}). */
    @Formula("(coalesce(overdue_since, 0) > 0)")
    private boolean overdue;

    /** Epoch milliseconds of the last successful installation. */
    @Column(name = "install_date")
    private Long installDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "update_status", nullable = false, length = 16)
    private TargetUpdateStatus updateStatus = TargetUpdateStatus.UNKNOWN;

    @Column(name = "request_controller_attributes", nullable = false)
    private boolean requestControllerAttributes = true;

    /** hawkBit's target type; null means the target accepts any distribution set. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_type")
    private TargetType targetType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_distribution_set")
    private DistributionSet assignedDistributionSet;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "installed_distribution_set")
    private DistributionSet installedDistributionSet;

    /** Each value carries the target's tenant, so that the count of an attribute filter needs no join to target. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "target_attributes", joinColumns = @JoinColumn(name = "target_id"))
    @MapKeyColumn(name = "attribute_key", length = 128)
    private Map<String, AttributeValue> controllerAttributes = new HashMap<>();

    /** Operator-set key/value pairs (hawkBit's target metadata); written here, listed through {@link TargetMetadata}. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "target_metadata", joinColumns = @JoinColumn(name = "target_id"))
    @MapKeyColumn(name = "meta_key", length = 128)
    @Column(name = "meta_value", nullable = false, length = 4000)
    private Map<String, String> metadata = new HashMap<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "target_target_tag",
            joinColumns = @JoinColumn(name = "target_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<TargetTag> tags = new HashSet<>();

    protected Target() {}

    public Target(String tenant, String controllerId, String name, String securityToken) {
        super(tenant);
        this.controllerId = controllerId;
        this.name = name;
        this.securityToken = securityToken;
    }

    public String getControllerId() {
        return controllerId;
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

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Long getLastTargetQuery() {
        return lastTargetQuery;
    }

    public void setLastTargetQuery(Long lastTargetQuery) {
        this.lastTargetQuery = lastTargetQuery;
    }

    /** When the target was marked overdue; null while it is not. */
    public Long getOverdueSince() {
        return overdueSince == null || overdueSince <= 0 ? null : overdueSince;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Long getInstallDate() {
        return installDate;
    }

    public void setInstallDate(Long installDate) {
        this.installDate = installDate;
    }

    public TargetUpdateStatus getUpdateStatus() {
        return updateStatus;
    }

    public void setUpdateStatus(TargetUpdateStatus updateStatus) {
        this.updateStatus = updateStatus;
    }

    public boolean isRequestControllerAttributes() {
        return requestControllerAttributes;
    }

    public void setRequestControllerAttributes(boolean requestControllerAttributes) {
        this.requestControllerAttributes = requestControllerAttributes;
    }

    public TargetType getTargetType() {
        return targetType;
    }

    public void setTargetType(TargetType targetType) {
        this.targetType = targetType;
    }

    public DistributionSet getAssignedDistributionSet() {
        return assignedDistributionSet;
    }

    public void setAssignedDistributionSet(DistributionSet assignedDistributionSet) {
        this.assignedDistributionSet = assignedDistributionSet;
    }

    public DistributionSet getInstalledDistributionSet() {
        return installedDistributionSet;
    }

    public void setInstalledDistributionSet(DistributionSet installedDistributionSet) {
        this.installedDistributionSet = installedDistributionSet;
    }

    /** The attributes the device reported, read-only (a value may be null). */
    public Map<String, String> getControllerAttributes() {
        Map<String, String> values = new HashMap<>();
        controllerAttributes.forEach((key, value) -> values.put(key, value.value()));
        return Collections.unmodifiableMap(values);
    }

    /** Adds the attributes, replacing the values of keys the target has. */
    public void putControllerAttributes(Map<String, String> attributes) {
        attributes.forEach((key, value) -> controllerAttributes.put(key, new AttributeValue(value, getTenant())));
    }

    public void removeControllerAttributes(Collection<String> keys) {
        keys.forEach(controllerAttributes::remove);
    }

    public void clearControllerAttributes() {
        controllerAttributes.clear();
    }

    /** The modifiable metadata; a change bumps the target's version, so concurrent writers cannot both pass the quota. */
    public Map<String, String> getMetadata() {
        return metadata;
    }

    public Set<TargetTag> getTags() {
        return tags;
    }
}
