package io.hawkbit.repository.distribution;

import java.util.Optional;

import io.hawkbit.repository.softwaremodule.SoftwareModule;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Distribution sets of all tenants. */
public interface DistributionSetRepository extends JpaRepository<DistributionSet, Long>, JpaSpecificationExecutor<DistributionSet> {

    Optional<DistributionSet> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndNameAndVersion(String tenant, String name, String version);

    boolean existsByType(DistributionSetType type);

    boolean existsByModulesContains(SoftwareModule module);
}
