package io.hawkbit.repository.softwaremodule;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Software modules of all tenants. */
public interface SoftwareModuleRepository
        extends JpaRepository<SoftwareModule, Long>, JpaSpecificationExecutor<SoftwareModule> {

    Optional<SoftwareModule> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndTypeAndNameAndVersion(String tenant, SoftwareModuleType type, String name, String version);

    /** Type key, name and version of the modules (deleted ones included) with one of the given names. */
    @Query("select m.type.key, m.name, m.version from SoftwareModule m where m.tenant = :tenant and m.name in :names")
    List<Object[]> findTypeNameVersions(@Param("tenant") String tenant, @Param("names") Collection<String> names);

    boolean existsByType(SoftwareModuleType type);

    /** Whether a distribution set holds the module; JPQL, so this package needs none of the distribution types. */
    @Query(
            "select case when exists (select s.id from DistributionSet s join s.modules m where m.id = :id) then true else false end")
    boolean isInAnyDistributionSet(@Param("id") Long id);
}
