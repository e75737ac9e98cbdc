package io.hawkbit.repository.targettype;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Target types of all tenants. */
interface TargetTypeRepository extends JpaRepository<TargetType, Long>, JpaSpecificationExecutor<TargetType> {

    Optional<TargetType> findByTenantAndId(String tenant, Long id);

    /** Keys and names of the types that already hold one of the given keys or names. */
    @Query("select t.key, t.name from TargetType t where t.tenant = :tenant and (t.key in :keys or t.name in :names)")
    List<Object[]> findKeysOrNames(
            @Param("tenant") String tenant,
            @Param("keys") Collection<String> keys,
            @Param("names") Collection<String> names);

    @Query("select t.id, t.name from TargetType t where t.tenant = :tenant and t.id in :ids")
    List<Object[]> findNames(@Param("tenant") String tenant, @Param("ids") Collection<Long> ids);

    boolean existsByTenantAndNameAndIdNot(String tenant, String name, Long id);

    // Named by entity, not by class: the target package depends on this one, never the other way.
    @Query("select count(t) from Target t where t.targetType.id = :id")
    long countTargets(@Param("id") Long id);
}
