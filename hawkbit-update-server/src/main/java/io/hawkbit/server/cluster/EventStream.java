package io.hawkbit.server.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fans every cluster event, whichever node produced it, out to the operators subscribed on this node, each seeing
 * only their tenant's changes (and cluster membership changes). Heartbeats are left out.
 */
@Component
public class EventStream {

    /** Subscribers reconnect after this; SSE clients do so on their own. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private record Subscriber(SseEmitter emitter, String tenant) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final JsonMapper json;

    public EventStream(JsonMapper json) {
        this.json = json;
    }

    public SseEmitter subscribe(String tenant) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, tenant);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        return emitter;
    }

    @EventListener
    public void onEvent(ClusterEvent event) {
        if (event instanceof NodeHeartbeatEvent || subscribers.isEmpty()) {
            return;
        }
        String type = event.getClass().getSimpleName();
        String payload = render(event, type);
        for (Subscriber subscriber : subscribers) {
            if (event.getTenant() == null || event.getTenant().equals(subscriber.tenant())) {
                try {
                    subscriber.emitter().send(SseEmitter.event().id(event.getId()).name(type).data(payload));
                } catch (IOException | IllegalStateException e) {
                    subscribers.remove(subscriber);
                }
            }
        }
    }

    private String render(ClusterEvent event, String type) {
        ObjectNode node = json.valueToTree(event);
        node.remove(List.of("source", "timestamp", "destinationService", "originService"));
        node.put("type", type);
        node.put("origin", event.getOriginService());
        return json.writeValueAsString(node);
    }

    int subscriberCount() {
        return subscribers.size();
    }
}
