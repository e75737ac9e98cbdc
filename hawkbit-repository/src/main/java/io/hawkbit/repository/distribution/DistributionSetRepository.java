package io.hawkbit.repository.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.hawkbit.repository.softwaremodule.SoftwareModule;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Distribution sets of all tenants. */
public interface DistributionSetRepository extends JpaRepository<DistributionSet, Long>, JpaSpecificationExecutor<DistributionSet> {

    Optional<DistributionSet> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndNameAndVersion(String tenant, String name, String version);

    /** Name and version of the sets with one of the given names. */
    @Query("select s.name, s.version from DistributionSet s where s.tenant = :tenant and s.name in :names")
    List<Object[]> findNameVersions(@Param("tenant") String tenant, @Param("names") Collection<String> names);

    boolean existsByType(DistributionSetType type);

    boolean existsByModulesContains(SoftwareModule module);
}
