package io.hawkbit.repository.target;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Target tags of all tenants. */
interface TargetTagRepository extends JpaRepository<TargetTag, Long>, JpaSpecificationExecutor<TargetTag> {

    Optional<TargetTag> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndName(String tenant, String name);

    @Query("select t.name from TargetTag t where t.tenant = :tenant and t.name in :names")
    List<String> findNames(@Param("tenant") String tenant, @Param("names") Collection<String> names);
}
