package io.hawkbit.repository.rollout;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How many actions a rollout may start now under its {@link RolloutPace}. Counted in the database (open actions, and
 * actions created in the last minute on the injected clock), not per node: the scheduler step asking holds the
 * cluster's rollout lock and the rollout's row, so the limits hold for the whole cluster.
 */
@Component
class RolloutPacer {

    private final EntityManager entityManager;
    private final Clock clock;

    RolloutPacer(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** At most {@code wanted}, fewer (down to 0) when the rollout's pace says so; no query for an unpaced rollout. */
    int allowance(Rollout rollout, int wanted) {
        RolloutPace pace = rollout.getPace();
        if (pace == null) {
            return wanted;
        }
        long allowed = wanted;
        if (pace.maxRunning() != null) {
            long open = entityManager
                    .createQuery(
                            "select count(a) from Action a where a.rolloutId = :rollout and a.active = true",
                            Long.class)
                    .setParameter("rollout", rollout.getId())
                    .getSingleResult();
            allowed = Math.min(allowed, pace.maxRunning() - open);
        }
        if (pace.startRate() != null && allowed > 0) {
            Instant since = clock.instant().minusMillis(RolloutPace.RATE_WINDOW_MILLIS);
            long started = entityManager
                    .createQuery(
                            "select count(a) from Action a where a.rolloutId = :rollout and a.createdAt > :since",
                            Long.class)
                    .setParameter("rollout", rollout.getId())
                    .setParameter("since", since)
                    .getSingleResult();
            allowed = Math.min(allowed, pace.startRate() - started);
        }
        return (int) Math.max(0, allowed);
    }
}
