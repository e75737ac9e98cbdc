package io.hawkbit.repository.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Distribution set types of all tenants. */
interface DistributionSetTypeRepository
        extends JpaRepository<DistributionSetType, Long>, JpaSpecificationExecutor<DistributionSetType> {

    Optional<DistributionSetType> findByTenantAndId(String tenant, Long id);

    Optional<DistributionSetType> findByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndKey(String tenant, String key);

    boolean existsByTenantAndName(String tenant, String name);

    /** Keys and names of the types that already hold one of the given keys or names. */
    @Query(
            "select t.key, t.name from DistributionSetType t where t.tenant = :tenant and (t.key in :keys or t.name in :names)")
    List<Object[]> findKeysOrNames(
            @Param("tenant") String tenant,
            @Param("keys") Collection<String> keys,
            @Param("names") Collection<String> names);
}
