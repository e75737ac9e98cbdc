package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fans every cluster event, whichever node produced it, out to the operators subscribed on this node, each seeing
 * only their tenant's changes (and cluster membership changes). Heartbeats are left out. The publishing thread (the
 * one that committed) only renders the event once and queues it per subscriber; each subscriber's own thread sends.
 * A subscriber whose queue overflows, or whose send hangs past the send timeout, is dropped.
 */
public class EventStream implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final JsonMapper json;
    private final EventStreamProperties properties;
    private final StreamSlots slots;
    private final MeterRegistry meters;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong threadIds = new AtomicLong();
    private volatile boolean running;

    public EventStream(JsonMapper json, EventStreamProperties properties, MeterRegistry meters, LongSupplier nanoTime) {
        this.json = json;
        this.properties = properties;
        this.slots = new StreamSlots(properties.getMaxPerUser(), properties.getMaxPerNode());
        this.meters = meters;
        this.nanoTime = nanoTime;
        Gauge.builder("hawkbit.events.stream.subscribers", subscribers, List::size)
                .description("Event stream subscribers receiving events on this node")
                .register(meters);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, properties.getSendTimeout().toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::dropStalled, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the tenant's events for the user.
     *
     * @throws StreamLimitException when the user or this node already holds as many streams as allowed
     */
    public SseEmitter subscribe(String tenant, String user) {
        return subscribe(tenant, user, new SseEmitter(properties.getTimeout().toMillis()));
    }

    SseEmitter subscribe(String tenant, String user, SseEmitter emitter) {
        slots.acquire(user).ifPresent(limit -> {
            meters.counter(
                            "hawkbit.events.stream.rejected",
                            "limit",
                            limit.name().toLowerCase())
                    .increment();
            throw new StreamLimitException(
                    limit == StreamSlots.Limit.USER
                            ? "At most " + slots.maxPerUser() + " event streams per user may be open on a node"
                            : "At most " + slots.maxPerNode() + " event streams may be open on this node");
        });
        Subscriber subscriber = new Subscriber(
                emitter,
                tenant,
                user,
                properties.getQueueCapacity(),
                properties.getKeepAlive().toNanos(),
                nanoTime,
                this::ended);
        subscribers.add(subscriber);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        subscriber.start("event-stream-" + threadIds.incrementAndGet());
        return emitter;
    }

    @EventListener
    public void onEvent(ClusterEvent event) {
        if (event instanceof NodeHeartbeatEvent || subscribers.isEmpty()) {
            return;
        }
        String type = event.getClass().getSimpleName();
        Subscriber.Message message = new Subscriber.Message(event.getId(), type, render(event, type));
        for (Subscriber subscriber : subscribers) {
            if ((event.getTenant() == null || event.getTenant().equals(subscriber.tenant()))
                    && !subscriber.offer(message)) {
                drop(subscriber, "queue-full");
            }
        }
    }

    /** Drops every subscriber whose current send has run past the send timeout. */
    void dropStalled() {
        long now = nanoTime.getAsLong();
        long timeout = properties.getSendTimeout().toNanos();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.stalled(now, timeout)) {
                drop(subscriber, "send-timeout");
            }
        }
    }

    private void ended(Subscriber subscriber) {
        slots.release(subscriber.user());
        subscribers.remove(subscriber);
    }

    private void drop(Subscriber subscriber, String reason) {
        if (subscriber.close()) {
            // Out of the fan-out at once; its slot stays taken until its thread has ended.
            subscribers.remove(subscriber);
            meters.counter("hawkbit.events.stream.dropped", "reason", reason).increment();
            LOG.debug("Dropped the event stream of {} ({})", subscriber.user(), reason);
        }
    }

    private String render(ClusterEvent event, String type) {
        ObjectNode node = json.valueToTree(event);
        node.remove(List.of("source", "timestamp", "destinationService", "originService"));
        node.put("type", type);
        node.put("origin", event.getOriginService());
        return json.writeValueAsString(node);
    }

    /** Subscribers receiving events. */
    int subscriberCount() {
        return subscribers.size();
    }

    /** Streams holding a slot: those receiving events and dropped ones whose thread has not ended yet. */
    int slotsHeld() {
        return slots.total();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the node shuts down. Runs before the web server's graceful shutdown (a later phase),
     * which would otherwise wait its whole timeout for these never-ending requests.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(Subscriber::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
        watchdog.shutdownNow();
    }
}
