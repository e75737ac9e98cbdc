package io.hawkbit.rest.login;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.LoginAttemptEvent;
import java.util.Map;
import org.springframework.context.event.EventListener;

/**
 * Login scope {@code cluster}: each failed or successful login is broadcast on the bus and applied to the counters
 * of every node, this one included (its own events come back to it synchronously), so a lockout reached through one
 * node holds on all of them as soon as the event arrives.
 */
class LoginReplication {

    private final Map<String, LoginAttempts> counters;

    public LoginReplication(ClusterEventPublisher events, Map<String, LoginAttempts> counters) {
        this.counters = Map.copyOf(counters);
        this.counters.forEach((name, attempts) -> attempts.replicateThrough(
                (key, success) -> events.publish(new LoginAttemptEvent(name, key, success, events.origin()))));
    }

    @EventListener
    public void apply(LoginAttemptEvent event) {
        LoginAttempts attempts = counters.get(event.getCounter());
        if (attempts == null) {
            return;
        }
        if (event.isSuccess()) {
            attempts.applySuccess(event.getKey());
        } else {
            attempts.applyFailure(event.getKey());
        }
    }
}
