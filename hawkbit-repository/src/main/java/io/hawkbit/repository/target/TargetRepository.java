package io.hawkbit.repository.target;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.hawkbit.repository.distribution.DistributionSet;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Targets of all tenants. */
public interface TargetRepository extends JpaRepository<Target, Long>, JpaSpecificationExecutor<Target> {

    Optional<Target> findByTenantAndControllerId(String tenant, String controllerId);

    boolean existsByTenantAndControllerId(String tenant, String controllerId);

    List<Target> findByTenantAndControllerIdIn(String tenant, Collection<String> controllerIds);

    boolean existsByAssignedDistributionSetOrInstalledDistributionSet(DistributionSet assigned, DistributionSet installed);
}
