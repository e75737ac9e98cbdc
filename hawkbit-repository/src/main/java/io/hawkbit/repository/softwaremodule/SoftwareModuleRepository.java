package io.hawkbit.repository.softwaremodule;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Software modules of all tenants. */
public interface SoftwareModuleRepository extends JpaRepository<SoftwareModule, Long>, JpaSpecificationExecutor<SoftwareModule> {

    Optional<SoftwareModule> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndTypeAndNameAndVersion(String tenant, SoftwareModuleType type, String name, String version);

    boolean existsByType(SoftwareModuleType type);
}
