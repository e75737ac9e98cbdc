package io.hawkbit.repository.action;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The status history of actions. */
interface ActionStatusRepository extends JpaRepository<ActionStatus, Long> {

    long countByActionId(Long actionId);

    // No fetch join of the messages in paged finders: Hibernate would page in memory (HHH90003004). They load
    // lazily, a page at a time (ActionStatus#messages has a batch size).
    Page<ActionStatus> findByActionId(Long actionId, Pageable pageable);

    /** The newest entry's status, to write a repeated RETRIEVED only once in a row. */
    @Query("select s.status from ActionStatus s where s.action.id = :actionId order by s.id desc")
    List<ActionState> findLatestStatus(@Param("actionId") Long actionId, Pageable pageable);

    /** Whether the action already has an entry of the status carrying the message. */
    @Query("select count(s) > 0 from ActionStatus s join s.messages m where s.action.id = :actionId"
            + " and s.status = :status and m = :message")
    boolean existsWithMessage(
            @Param("actionId") Long actionId, @Param("status") ActionState status, @Param("message") String message);

    /**
     * The device's own messages, newest entry first and in their order within an entry, for the DDI action history.
     * As in hawkBit, the server's notes (prefixed "Update Server: ") are left out and the page counts messages.
     */
    @Query("select m from ActionStatus s join s.messages m where s.action.id = :actionId and m not like :serverPrefix"
            + " order by s.id desc, index(m) asc")
    List<String> findDeviceMessages(
            @Param("actionId") Long actionId, @Param("serverPrefix") String serverPrefix, Pageable pageable);
}
