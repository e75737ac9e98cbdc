package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.event.EventsDroppedEvent;
import io.hawkbit.repository.event.NodeLeftEvent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.bus.BusBridge;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;

class AsyncBusBridgeTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<RemoteApplicationEvent> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch brokerSlow = new CountDownLatch(1);
    private final AtomicBoolean brokerDown = new AtomicBoolean();
    private AsyncBusBridge bridge;

    private final BusBridge broker = event -> {
        try {
            brokerSlow.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (brokerDown.get()) {
            throw new IllegalStateException("broker down");
        }
        sent.add(event);
    };

    @AfterEach
    void stop() throws InterruptedException {
        brokerSlow.countDown();
        if (bridge != null) {
            bridge.destroy();
        }
    }

    @Test
    void eventsDroppedByAFullQueue_areAnnouncedOnceAfterTheNextSend() {
        bridge = new AsyncBusBridge(broker, meters, 2, "node-1");
        for (int i = 0; i < 6; i++) {
            bridge.send(new NodeLeftEvent("node-1"));
        }
        // One event on the publisher thread, at most two queued: at least three dropped.
        double dropped = meters.counter("hawkbit.events.failed", "type", "NodeLeftEvent", "stage", "queue-full")
                .count();
        assertThat(dropped).isGreaterThanOrEqualTo(3);

        brokerSlow.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 6 - dropped + 1);
        // The notice follows the first send that succeeded after the drop, ahead of what is still queued.
        assertThat(sent.get(0)).isInstanceOf(NodeLeftEvent.class);
        EventsDroppedEvent notice = (EventsDroppedEvent) sent.get(1);
        assertThat(notice.getDropped()).isEqualTo((long) dropped);
        assertThat(notice.getOriginService()).isEqualTo("node-1");
        assertThat(sent.subList(2, sent.size())).allMatch(NodeLeftEvent.class::isInstance);
    }

    @Test
    void eventsTheBrokerRefused_areAnnouncedWhenItTakesOneAgain() {
        bridge = new AsyncBusBridge(broker, meters, 100, "node-1");
        brokerSlow.countDown();
        brokerDown.set(true);
        bridge.send(new NodeLeftEvent("node-1"));
        bridge.send(new NodeLeftEvent("node-1"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.counter("hawkbit.events.failed", "type", "NodeLeftEvent", "stage", "broker")
                                .count()
                        == 2);
        assertThat(sent).isEmpty();

        brokerDown.set(false);
        bridge.send(new NodeLeftEvent("node-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
        assertThat(sent.get(0)).isInstanceOf(NodeLeftEvent.class);
        assertThat(((EventsDroppedEvent) sent.get(1)).getDropped()).isEqualTo(2);

        bridge.send(new NodeLeftEvent("node-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 3);
        assertThat(sent.get(2)).as("nothing more to announce").isInstanceOf(NodeLeftEvent.class);
    }

    @Test
    void publishDelay_coversTheWaitForABusyBroker() {
        bridge = new AsyncBusBridge(broker, meters, 100, "node-1");
        bridge.send(new NodeLeftEvent("node-1"));
        // The first event was queued before this instant and is sent only after the release below.
        long queuedBefore = System.nanoTime();
        bridge.send(new NodeLeftEvent("node-1"));
        long held = System.nanoTime() - queuedBefore;
        brokerSlow.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);

        Timer delay = meters.get("hawkbit.events.publish.delay").timer();
        await().atMost(Duration.ofSeconds(10)).until(() -> delay.count() == 2);
        assertThat(delay.max(TimeUnit.NANOSECONDS)).isGreaterThanOrEqualTo(held);
        assertThat(meters.counter("hawkbit.events.published", "type", "NodeLeftEvent")
                        .count())
                .isEqualTo(2);
    }
}
