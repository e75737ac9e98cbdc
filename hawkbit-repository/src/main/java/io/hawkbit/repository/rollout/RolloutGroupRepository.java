package io.hawkbit.repository.rollout;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Groups of rollouts. */
interface RolloutGroupRepository extends JpaRepository<RolloutGroup, Long>, JpaSpecificationExecutor<RolloutGroup> {

    List<RolloutGroup> findByRolloutIdOrderByPosition(Long rolloutId);

    Optional<RolloutGroup> findByRolloutIdAndId(Long rolloutId, Long id);

    Page<RolloutGroup> findByRolloutId(Long rolloutId, Pageable pageable);
}
