package io.hawkbit.server.mgmt.target;

import java.time.Duration;

/** When a target last polled, when it should poll next, and whether it is overdue (all epoch millis). */
record MgmtPollStatus(Long lastRequestAt, Long nextExpectedRequestAt, boolean overdue) {

    /** Null when the target never polled; overdue once the next poll is later than {@code overdueTime} past due. */
    static MgmtPollStatus of(Long lastRequestAt, Duration pollingTime, Duration overdueTime, long now) {
        if (lastRequestAt == null) {
            return null;
        }
        long next = lastRequestAt + pollingTime.toMillis();
        return new MgmtPollStatus(lastRequestAt, next, now > next + overdueTime.toMillis());
    }
}
