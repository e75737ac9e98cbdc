package io.hawkbit.repository.target;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Auto-confirmations of all tenants, keyed by target id. */
public interface AutoConfirmationRepository extends JpaRepository<AutoConfirmation, Long> {

    List<AutoConfirmation> findByTargetIdIn(Collection<Long> targetIds);
}
