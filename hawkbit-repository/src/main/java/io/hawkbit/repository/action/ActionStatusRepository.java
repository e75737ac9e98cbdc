package io.hawkbit.repository.action;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The status history of actions. */
interface ActionStatusRepository extends JpaRepository<ActionStatus, Long> {

    long countByActionId(Long actionId);

    // No fetch join of the messages in paged finders: Hibernate would page in memory (HHH90003004). They load
    // lazily, a page at a time (ActionStatus#messages has a batch size).
    Page<ActionStatus> findByActionId(Long actionId, Pageable pageable);

    /** Newest first, for the DDI action history. */
    List<ActionStatus> findByActionIdOrderByIdDesc(Long actionId, Pageable pageable);
}
