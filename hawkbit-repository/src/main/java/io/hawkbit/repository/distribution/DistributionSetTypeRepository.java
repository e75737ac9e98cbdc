package io.hawkbit.repository.distribution;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Distribution set types of all tenants. */
public interface DistributionSetTypeRepository extends JpaRepository<DistributionSetType, Long>,
        JpaSpecificationExecutor<DistributionSetType> {

    Optional<DistributionSetType> findByTenantAndId(String tenant, Long id);

    Optional<DistributionSetType> findByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndName(String tenant, String name);
}
