package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A login attempt counted cluster-wide (login scope {@code cluster}): every node applies it to its own counters, so
 * a lockout reached through one node holds on all. Failed logins are rare, so broadcasting each is cheap and exact.
 */
public class LoginAttemptEvent extends ClusterEvent {

    @JsonProperty
    private String counter;

    @JsonProperty
    private String key;

    @JsonProperty
    private boolean success;

    public LoginAttemptEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public LoginAttemptEvent(String counter, String key, boolean success, String origin) {
        super(null, origin);
        this.counter = counter;
        this.key = key;
        this.success = success;
    }

    /** Which counter: {@code mgmt} (Management API logins) or {@code ddi} (device token failures). */
    public String getCounter() {
        return counter;
    }

    /** The user name or client address counted, prefixed by its kind. */
    public String getKey() {
        return key;
    }

    public boolean isSuccess() {
        return success;
    }
}
