package io.hawkbit.repository.event;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Tells events of this node from events of others. Side effects that must happen once per cluster (audit lines,
 * notifications) run only where {@link #isFromSelf} holds. Without a bus (single node) every event is local.
 */
@Component
public class EventOrigin {

    /**
     * Looked up once, on the first event: a lookup per event resolved the autowire candidates each time, about 4 % of
     * what a node allocated per received event (JFR, session 20).
     */
    private final Supplier<Optional<ServiceMatcher>> matcher;

    private final NodeProperties node;

    public EventOrigin(ObjectProvider<ServiceMatcher> matcher, NodeProperties node) {
        this.matcher = SingletonSupplier.of(() -> Optional.ofNullable(matcher.getIfAvailable()));
        this.node = node;
    }

    public boolean isFromSelf(RemoteApplicationEvent event) {
        ServiceMatcher serviceMatcher = matcher.get().orElse(null);
        return serviceMatcher != null
                ? serviceMatcher.isFromSelf(event)
                : node.getId().equals(event.getOriginService());
    }

    public String nodeId() {
        return node.getId();
    }
}
