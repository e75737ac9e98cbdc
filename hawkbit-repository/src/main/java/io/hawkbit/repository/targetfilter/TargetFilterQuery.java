package io.hawkbit.repository.targetfilter;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.distribution.DistributionSet;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A named RSQL filter over targets, optionally with a distribution set the auto-assignment gives every match. */
@Entity
@Table(name = "target_filter_query")
public class TargetFilterQuery extends BaseEntity {

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "query", nullable = false, length = 1024)
    private String query;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "auto_assign_distribution_set")
    private DistributionSet autoAssignDistributionSet;

    @Enumerated(EnumType.STRING)
    @Column(name = "auto_assign_action_type", length = 16)
    private ActionType autoAssignActionType;

    /** Whether the actions the auto-assignment creates wait for the device's consent (confirmation flow on). */
    @Column(name = "auto_assign_confirmation_required")
    private Boolean autoAssignConfirmationRequired;

    @Column(name = "auto_assign_weight")
    private Integer autoAssignWeight;

    protected TargetFilterQuery() {}

    public TargetFilterQuery(String tenant, String name, String query) {
        super(tenant);
        this.name = name;
        this.query = query;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    /** The set auto-assigned to matching targets; null when the filter only selects. */
    public DistributionSet getAutoAssignDistributionSet() {
        return autoAssignDistributionSet;
    }

    public ActionType getAutoAssignActionType() {
        return autoAssignActionType;
    }

    public Integer getAutoAssignWeight() {
        return autoAssignWeight;
    }

    public Boolean getAutoAssignConfirmationRequired() {
        return autoAssignConfirmationRequired;
    }

    public void setAutoAssignConfirmationRequired(Boolean required) {
        this.autoAssignConfirmationRequired = autoAssignDistributionSet == null ? null : required;
    }

    public void setAutoAssign(DistributionSet set, ActionType type, Integer weight) {
        if (set == null) {
            this.autoAssignConfirmationRequired = null;
        }
        this.autoAssignDistributionSet = set;
        this.autoAssignActionType = set == null ? null : type;
        this.autoAssignWeight = set == null ? null : weight;
    }
}
