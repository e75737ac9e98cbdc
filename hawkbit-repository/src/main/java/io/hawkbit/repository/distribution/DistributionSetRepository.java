package io.hawkbit.repository.distribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Distribution sets of all tenants. */
interface DistributionSetRepository
        extends JpaRepository<DistributionSet, Long>, JpaSpecificationExecutor<DistributionSet> {

    Optional<DistributionSet> findByTenantAndId(String tenant, Long id);

    Optional<DistributionSet> findByTenantAndNameAndVersionAndDeletedFalse(String tenant, String name, String version);

    boolean existsByTenantAndNameAndVersion(String tenant, String name, String version);

    /** Name and version of the sets with one of the given names. */
    @Query("select s.name, s.version from DistributionSet s where s.tenant = :tenant and s.name in :names")
    List<Object[]> findNameVersions(@Param("tenant") String tenant, @Param("names") Collection<String> names);

    boolean existsByType(DistributionSetType type);

    /**
     * Whether anything keeps a reference to the set: an action, a target's assigned or installed set, a rollout.
     * Asked here, in JPQL over the referencing entities, so this package needs none of theirs. One {@code when} per
     * kind of reference: {@code case when (exists … or exists …)} sends Spring Data's query parser into full-context
     * prediction, which held ~35 MB and allocated ~200 MB at start for this one query.
     */
    @Query("select case when exists (select a.id from Action a where a.distributionSet.id = :id) then true"
            + " when exists (select t.id from Target t where t.assignedDistributionSet.id = :id"
            + " or t.installedDistributionSet.id = :id) then true"
            + " when exists (select r.id from Rollout r where r.distributionSet.id = :id) then true else false end")
    boolean isReferenced(@Param("id") Long id);

    /** [status, count] of the set's actions, one row per status it has. */
    @Query("select a.status, count(a) from Action a where a.distributionSet.id = :id group by a.status")
    List<Object[]> countActionsByStatus(@Param("id") Long id);

    /** [status, count] of the rollouts deploying the set, one row per status they have. */
    @Query("select r.status, count(r) from Rollout r where r.distributionSet.id = :id group by r.status")
    List<Object[]> countRolloutsByStatus(@Param("id") Long id);

    /** How many target filters auto-assign the set. */
    @Query("select count(f) from TargetFilterQuery f where f.autoAssignDistributionSet.id = :id")
    long countAutoAssignments(@Param("id") Long id);
}
