package io.hawkbit.repository.tenant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stored tenant settings. */
public interface TenantConfigurationRepository extends JpaRepository<TenantConfiguration, Long> {

    List<TenantConfiguration> findByTenant(String tenant);

    Optional<TenantConfiguration> findByTenantAndKey(String tenant, String key);
}
