package io.hawkbit.repository.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The rollout group an action belongs to, as action queries see it: a read-only view of its id and name on the {@code rollout_group} table, so RSQL can filter actions by
 * it ({@code rolloutgroup.name}) without the action package depending on the rollout package.
 */
@Entity
@Immutable
@Table(name = "rollout_group")
class RolloutGroupRef {

    @Id
    private Long id;

    @Column(name = "name", insertable = false, updatable = false)
    private String name;

    protected RolloutGroupRef() {}
}
