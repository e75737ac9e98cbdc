package io.hawkbit.repository.target;

import java.util.Optional;

import io.hawkbit.repository.distribution.DistributionSet;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Targets of all tenants. */
public interface TargetRepository extends JpaRepository<Target, Long>, JpaSpecificationExecutor<Target> {

    Optional<Target> findByTenantAndControllerId(String tenant, String controllerId);

    boolean existsByTenantAndControllerId(String tenant, String controllerId);

    boolean existsByAssignedDistributionSetOrInstalledDistributionSet(DistributionSet assigned, DistributionSet installed);

    /** Records a poll without loading the entity or bumping its optimistic-lock revision. */
    @Modifying
    @Query("update Target t set t.lastTargetQuery = :time, t.address = :address where t.id = :id")
    int recordPoll(@Param("id") Long id, @Param("time") long time, @Param("address") String address);
}
