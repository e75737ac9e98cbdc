package io.hawkbit.repository.action;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The status history of actions. */
public interface ActionStatusRepository extends JpaRepository<ActionStatus, Long> {

    long countByActionId(Long actionId);

    @EntityGraph(attributePaths = "messages")
    Page<ActionStatus> findByActionId(Long actionId, Pageable pageable);

    /** Newest first, for the DDI action history. */
    @EntityGraph(attributePaths = "messages")
    List<ActionStatus> findByActionIdOrderByIdDesc(Long actionId, Pageable pageable);
}
