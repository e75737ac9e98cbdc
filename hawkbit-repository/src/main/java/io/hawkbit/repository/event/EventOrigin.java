package io.hawkbit.repository.event;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;
import org.springframework.stereotype.Component;

/**
 * Tells events of this node from events of others. Side effects that must happen once per cluster (audit lines,
 * notifications) run only where {@link #isFromSelf} holds. Without a bus (single node) every event is local.
 */
@Component
public class EventOrigin {

    private final ObjectProvider<ServiceMatcher> matcher;
    private final NodeProperties node;

    public EventOrigin(ObjectProvider<ServiceMatcher> matcher, NodeProperties node) {
        this.matcher = matcher;
        this.node = node;
    }

    public boolean isFromSelf(RemoteApplicationEvent event) {
        ServiceMatcher serviceMatcher = matcher.getIfAvailable();
        return serviceMatcher != null
                ? serviceMatcher.isFromSelf(event)
                : node.getId().equals(event.getOriginService());
    }

    public String nodeId() {
        return node.getId();
    }
}
