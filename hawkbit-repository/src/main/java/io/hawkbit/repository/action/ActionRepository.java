package io.hawkbit.repository.action;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/** Actions of all tenants. */
public interface ActionRepository extends JpaRepository<Action, Long>, JpaSpecificationExecutor<Action> {

    Optional<Action> findByTenantAndId(String tenant, Long id);

    /** Open actions of a target, oldest first: the first is what the device works on. */
    @EntityGraph(attributePaths = "distributionSet")
    @Query("select a from Action a where a.target.id = :targetId and a.active = true order by a.id")
    List<Action> findActive(@Param("targetId") Long targetId);

    /**
     * Open actions of several targets with their sets, oldest first. Without the flush before the query: an assignment
     * batch calls it right after loading its targets, with nothing changed yet, and the flush would only dirty-check
     * every one of them. Actions created earlier in the transaction are in the database already (their ids are the
     * database's own, so Hibernate inserts them at once).
     */
    @EntityGraph(attributePaths = "distributionSet")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select a from Action a where a.target.id in :targetIds and a.active = true order by a.id")
    List<Action> findActiveOf(@Param("targetIds") java.util.Collection<Long> targetIds);

    /** The newest closed, successful action: what {@code installedBase} shows. */
    @Query(
            "select a from Action a where a.target.id = :targetId and a.active = false and a.status = io.hawkbit.repository.action.ActionState.FINISHED order by a.id desc")
    List<Action> findFinished(@Param("targetId") Long targetId, Pageable pageable);

    /** The newest finished action of the target's installed set: hawkBit's installed action. */
    @Query("select a from Action a where a.target.id = :targetId and a.active = false"
            + " and a.status = io.hawkbit.repository.action.ActionState.FINISHED"
            + " and a.distributionSet = a.target.installedDistributionSet order by a.id desc")
    List<Action> findInstalled(@Param("targetId") Long targetId, Pageable pageable);

    /**
     * Closed actions of the tenant in one of the statuses, last changed before the instant, with an id above
     * {@code after}: [id, controllerId], oldest first.
     */
    @Query("select a.id, a.target.controllerId from Action a where a.tenant = :tenant and a.active = false "
            + "and a.status in :statuses and a.lastModifiedAt < :before and a.id > :after order by a.id")
    List<Object[]> findExpired(
            @Param("tenant") String tenant,
            @Param("after") long after,
            @Param("statuses") java.util.Collection<ActionState> statuses,
            @Param("before") java.time.Instant before,
            Pageable pageable);

    Page<Action> findByTargetId(Long targetId, Pageable pageable);

    /** How many actions each of the named targets holds, as [target id, controllerId, count]; none for no actions. */
    @Query("select a.target.id, a.target.controllerId, count(a) from Action a where a.tenant = :tenant"
            + " and a.target.controllerId in :controllerIds group by a.target.id, a.target.controllerId")
    List<Object[]> countByTarget(
            @Param("tenant") String tenant, @Param("controllerIds") Collection<String> controllerIds);

    /** A target's actions, newest first, as [id, active]: what {@code keepLast} chooses from. */
    @Query("select a.id, a.active from Action a where a.target.id = :targetId order by a.id desc")
    List<Object[]> findIdsNewestFirst(@Param("targetId") Long targetId);

    /** Open, not canceling actions of the target whose set holds the module: what a download belongs to. */
    @Query("select a.id from Action a join a.distributionSet ds join ds.modules m where a.target.id = :targetId"
            + " and m.id = :moduleId and a.active = true"
            + " and a.status not in (io.hawkbit.repository.action.ActionState.CANCELING,"
            + " io.hawkbit.repository.action.ActionState.CANCELED) order by a.id")
    List<Long> findOpenForModule(@Param("targetId") Long targetId, @Param("moduleId") Long moduleId);

    /** Whether any action of the target deploys a set containing the module: only then may the device download it. */
    @Query(
            "select count(a) > 0 from Action a join a.distributionSet ds join ds.modules m where a.target.id = :targetId and m.id = :moduleId")
    boolean existsForTargetAndModule(@Param("targetId") Long targetId, @Param("moduleId") Long moduleId);
}
