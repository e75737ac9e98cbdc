package io.hawkbit.repository.target;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Targets of all tenants. */
public interface TargetRepository extends JpaRepository<Target, Long>, JpaSpecificationExecutor<Target> {

    Optional<Target> findByTenantAndControllerId(String tenant, String controllerId);

    /** The given controllerIds that already exist (as the database compares them). */
    @Query("select t.controllerId from Target t where t.tenant = :tenant and t.controllerId in :controllerIds")
    List<String> findControllerIds(
            @Param("tenant") String tenant, @Param("controllerIds") Collection<String> controllerIds);

    List<Target> findByTenantAndControllerIdIn(String tenant, Collection<String> controllerIds);

    @Query("select distinct t.group from Target t where t.tenant = :tenant and t.group is not null order by t.group")
    List<String> findDistinctGroups(@Param("tenant") String tenant);
}
