package io.hawkbit.repository.target;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Target tags of all tenants. */
public interface TargetTagRepository extends JpaRepository<TargetTag, Long>, JpaSpecificationExecutor<TargetTag> {

    Optional<TargetTag> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndName(String tenant, String name);
}
