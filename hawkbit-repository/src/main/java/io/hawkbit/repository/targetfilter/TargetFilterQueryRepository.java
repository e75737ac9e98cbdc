package io.hawkbit.repository.targetfilter;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Target filter queries of all tenants. */
public interface TargetFilterQueryRepository
        extends JpaRepository<TargetFilterQuery, Long>, JpaSpecificationExecutor<TargetFilterQuery> {

    Optional<TargetFilterQuery> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndName(String tenant, String name);

    /** The tenant's filters with an auto-assign set, oldest first. */
    @Query(
            "select f from TargetFilterQuery f join fetch f.autoAssignDistributionSet where f.tenant = :tenant order by f.id")
    List<TargetFilterQuery> findAutoAssigning(@Param("tenant") String tenant);
}
