package io.hawkbit.repository.action;

import java.time.Duration;
import java.time.Instant;

/**
 * hawkBit's polling interval before a maintenance window: the time left until the window opens, divided by the
 * tenant's {@code maintenanceWindowPollCount}, so that the device polls about that many times before it opens and
 * learns of the opening soon after. Never longer than the normal interval, never shorter than the tenant's
 * {@code minPollingTime}.
 */
final class MaintenancePolling {

    /** hawkBit's default {@code minPollingTime}. */
    static final Duration MIN = Duration.ofSeconds(30);

    private MaintenancePolling() {}

    /**
     * @param normal the tenant's polling interval
     * @param pollCount polls wanted before the window opens; 0 or less leaves the interval alone
     * @param start when the next window opens, null for none; a window already open leaves the interval alone
     */
    static Duration interval(Duration normal, int pollCount, Instant now, Instant start) {
        return interval(normal, MIN, pollCount, now, start);
    }

    /** As above, with the tenant's {@code minPollingTime} as the lower bound. */
    static Duration interval(Duration normal, Duration min, int pollCount, Instant now, Instant start) {
        if (start == null || pollCount <= 0 || !start.isAfter(now)) {
            return normal;
        }
        Duration each = Duration.ofSeconds(Duration.between(now, start).toSeconds() / pollCount);
        if (each.compareTo(normal) > 0) {
            return normal;
        }
        return each.compareTo(min) < 0 ? min : each;
    }

    /** hawkBit's {@code HH:mm:ss}. */
    static String format(Duration interval) {
        long seconds = interval.toSeconds();
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
