package io.hawkbit.repository.softwaremodule;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Software module types of all tenants. */
public interface SoftwareModuleTypeRepository extends JpaRepository<SoftwareModuleType, Long>,
        JpaSpecificationExecutor<SoftwareModuleType> {

    Optional<SoftwareModuleType> findByTenantAndId(String tenant, Long id);

    Optional<SoftwareModuleType> findByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndName(String tenant, String name);
}
