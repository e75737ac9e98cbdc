package io.hawkbit.repository.rollout;

import io.hawkbit.repository.BaseEntity;
import io.hawkbit.repository.target.Target;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Set;
import org.hibernate.annotations.Immutable;

/** One group of a rollout: a fixed set of targets that get their actions together when the group starts. */
@Entity
@Table(name = "rollout_group")
public class RolloutGroup extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rollout_id", nullable = false, updatable = false)
    private Rollout rollout;

    /** Order within the rollout, from 0. */
    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "description", length = 512)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private RolloutGroupStatus status;

    @Column(name = "target_filter_query", updatable = false, length = 1024)
    private String targetFilterQuery;

    @Column(name = "target_percentage", nullable = false, updatable = false)
    private double targetPercentage;

    @Embedded
    private RolloutConditions conditions;

    /** Whether the group's actions wait for the device's consent while the tenant's confirmation flow is on. */
    @Column(name = "confirmation_required", nullable = false)
    private boolean confirmationRequired;

    /**
     * A group of a dynamic rollout that targets join while it runs; as in hawkBit, its {@link #getTargetPercentage()}
     * holds the number of targets it takes.
     */
    @Column(name = "dynamic", nullable = false, updatable = false)
    private boolean dynamic;

    /** Mapped for queries only (a group's targets, paged); rows are written by {@link RolloutTargets}. */
    @Immutable
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "rollout_target_group",
            joinColumns = @JoinColumn(name = "rollout_group_id"),
            inverseJoinColumns = @JoinColumn(name = "target_id"))
    private Set<Target> targets;

    protected RolloutGroup() {}

    public boolean isConfirmationRequired() {
        return confirmationRequired;
    }

    void requireConfirmation(boolean required) {
        this.confirmationRequired = required;
    }

    public RolloutGroup(
            Rollout rollout,
            int position,
            String name,
            String description,
            String targetFilterQuery,
            double targetPercentage,
            RolloutConditions conditions) {
        super(rollout.getTenant());
        this.rollout = rollout;
        this.position = position;
        this.name = name;
        this.description = description;
        this.targetFilterQuery = targetFilterQuery;
        this.targetPercentage = targetPercentage;
        this.conditions = conditions;
        this.status = RolloutGroupStatus.READY;
    }

    /** A dynamic group of {@code size} targets, scheduled (or ready, when the rollout is not started yet). */
    static RolloutGroup dynamic(
            Rollout rollout, int position, long size, RolloutConditions conditions, RolloutGroupStatus status) {
        String name = "group-" + (position + 1) + rollout.getDynamicGroupSuffix();
        RolloutGroup group = new RolloutGroup(rollout, position, name, name, null, size, conditions);
        group.dynamic = true;
        group.status = status;
        return group;
    }

    public boolean isDynamic() {
        return dynamic;
    }

    /** How many targets the group takes: its fixed target count when dynamic. */
    long expectedSize(long members) {
        return dynamic ? Math.max(members, (long) targetPercentage) : members;
    }

    public Rollout getRollout() {
        return rollout;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public RolloutGroupStatus getStatus() {
        return status;
    }

    public void setStatus(RolloutGroupStatus status) {
        this.status = status;
    }

    public String getTargetFilterQuery() {
        return targetFilterQuery;
    }

    public double getTargetPercentage() {
        return targetPercentage;
    }

    public RolloutConditions getConditions() {
        return conditions;
    }
}
