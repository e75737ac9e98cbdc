package io.hawkbit.repository.rollout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Rollouts of all tenants. */
public interface RolloutRepository extends JpaRepository<Rollout, Long>, JpaSpecificationExecutor<Rollout> {

    Optional<Rollout> findByTenantAndIdAndDeletedFalse(String tenant, Long id);

    boolean existsByTenantAndName(String tenant, String name);

    /** Whether any rollout, deleted ones included, deploys the set: the set may then only be marked deleted. */
    boolean existsByDistributionSetId(Long distributionSetId);

    /** Ids of the tenant's rollouts the scheduler has work for. */
    @Query("select r.id from Rollout r where r.tenant = :tenant and (r.status in :statuses "
            + "or (r.status = io.hawkbit.repository.rollout.RolloutStatus.READY and r.startAt <= :now)) order by r.id")
    List<Long> findWork(@Param("tenant") String tenant, @Param("statuses") Collection<RolloutStatus> statuses,
            @Param("now") long now);
}
