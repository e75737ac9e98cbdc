package io.hawkbit.repository.softwaremodule;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Software module types of all tenants. */
public interface SoftwareModuleTypeRepository
        extends JpaRepository<SoftwareModuleType, Long>, JpaSpecificationExecutor<SoftwareModuleType> {

    Optional<SoftwareModuleType> findByTenantAndId(String tenant, Long id);

    Optional<SoftwareModuleType> findByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndName(String tenant, String name);

    /** Keys and names of the types that already hold one of the given keys or names. */
    @Query(
            "select t.key, t.name from SoftwareModuleType t where t.tenant = :tenant and (t.key in :keys or t.name in :names)")
    List<Object[]> findKeysOrNames(
            @Param("tenant") String tenant,
            @Param("keys") Collection<String> keys,
            @Param("names") Collection<String> names);

    /** Whether a distribution set type names the module type; JPQL, so this package needs none of the distribution types. */
    @Query(
            "select case when exists (select d.id from DistributionSetType d join d.elements e where e.moduleType.id = :id)"
                    + " then true else false end")
    boolean isInAnyDistributionSetType(@Param("id") Long id);
}
