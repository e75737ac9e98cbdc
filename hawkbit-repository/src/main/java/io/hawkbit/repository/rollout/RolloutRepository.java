package io.hawkbit.repository.rollout;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Rollouts of all tenants. */
interface RolloutRepository extends JpaRepository<Rollout, Long>, JpaSpecificationExecutor<Rollout> {

    Optional<Rollout> findByTenantAndIdAndDeletedFalse(String tenant, Long id);

    /** A page of rollouts with their sets in the same query: list answers name each rollout's set in a link. */
    @Override
    @EntityGraph(attributePaths = "distributionSet")
    Page<Rollout> findAll(Specification<Rollout> spec, Pageable pageable);

    /**
     * The rollout with its row locked until the transaction ends: every change of a rollout (an operator's pause or
     * stop, a scheduler step) takes this lock first, so they take turns instead of overtaking each other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Rollout r where r.tenant = :tenant and r.id = :id and r.deleted = false")
    Optional<Rollout> findForUpdate(@Param("tenant") String tenant, @Param("id") Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Rollout r where r.id = :id")
    Optional<Rollout> findForUpdate(@Param("id") Long id);

    boolean existsByTenantAndName(String tenant, String name);

    /** Whether any rollout, deleted ones included, deploys the set: the set may then only be marked deleted. */

    /** Ids of the tenant's rollouts the scheduler has work for. */
    @Query("select r.id from Rollout r where r.tenant = :tenant and (r.status in :statuses "
            + "or (r.status = io.hawkbit.repository.rollout.RolloutStatus.READY and r.startAt <= :now)) order by r.id")
    List<Long> findWork(
            @Param("tenant") String tenant,
            @Param("statuses") Collection<RolloutStatus> statuses,
            @Param("now") long now);

    /** Id and name of the given rollouts of a tenant, deleted ones included (their actions still name them). */
    @Query("select r.id, r.name from Rollout r where r.tenant = :tenant and r.id in :ids")
    List<Object[]> findNames(@Param("tenant") String tenant, @Param("ids") Collection<Long> ids);
}
