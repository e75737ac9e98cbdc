package io.hawkbit.repository.rollout;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * This server's extension (hawkBit has none): how fast a rollout starts its actions, enforced by the rollout
 * scheduler for the whole cluster. {@code maxRunning}: most open actions of the rollout at once; {@code startRate}:
 * most actions started in any minute. Either may be null (no limit).
 */
@Embeddable
public record RolloutPace(
        @Column(name = "pace_max_running") Integer maxRunning,
        @Column(name = "pace_start_rate") Integer startRate) {

    /** The window {@link #startRate()} counts in. */
    static final long RATE_WINDOW_MILLIS = 60_000;

    /** A pace from a request; refuses a limit below 1 (400 naming the field), null when neither limit is set. */
    public static RolloutPace of(Integer maxRunning, Integer startRate) {
        atLeastOne(maxRunning, "pace.maxRunning");
        atLeastOne(startRate, "pace.startRate");
        return maxRunning == null && startRate == null ? null : new RolloutPace(maxRunning, startRate);
    }

    private static void atLeastOne(Integer value, String field) {
        if (value != null && value < 1) {
            throw new HawkbitException(ServerError.PARAM_INVALID, field + " must be at least 1, was " + value);
        }
    }
}
