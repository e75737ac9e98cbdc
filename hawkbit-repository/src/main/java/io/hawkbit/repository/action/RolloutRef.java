package io.hawkbit.repository.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The rollout that created an action, as action queries see it: a read-only view of its id and name on the {@code rollout} table, so RSQL can filter actions by
 * it ({@code rollout.name}) without the action package depending on the rollout package.
 */
@Entity
@Immutable
@Table(name = "rollout")
class RolloutRef {

    @Id
    private Long id;

    @Column(name = "name", insertable = false, updatable = false)
    private String name;

    protected RolloutRef() {}
}
