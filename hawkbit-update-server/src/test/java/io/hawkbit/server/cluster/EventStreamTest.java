package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hawkbit.repository.event.NodeLeftEvent;
import io.hawkbit.repository.event.TargetCreatedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** Delivery, dropping and caps of the event stream, with emitters that record, hang or fail instead of sockets. */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch unblock = new CountDownLatch(1);
    private EventStream stream;

    @AfterEach
    void stop() {
        unblock.countDown();
        if (stream != null) {
            stream.destroy();
        }
    }

    private EventStream stream(int queueCapacity, int maxPerUser, int maxPerNode) {
        return stream(queueCapacity, maxPerUser, maxPerNode, Duration.ofMinutes(10));
    }

    private EventStream stream(int queueCapacity, int maxPerUser, int maxPerNode, Duration keepAlive) {
        EventStreamProperties properties = new EventStreamProperties();
        properties.setKeepAlive(keepAlive);
        properties.setQueueCapacity(queueCapacity);
        properties.setSendTimeout(Duration.ofSeconds(5));
        properties.setMaxPerUser(maxPerUser);
        properties.setMaxPerNode(maxPerNode);
        stream = new EventStream(JsonMapper.builder().build(), properties, meters, now::get);
        return stream;
    }

    private static TargetCreatedEvent created(String tenant, String controllerId) {
        return new TargetCreatedEvent(tenant, 1L, controllerId, "node-1");
    }

    @Test
    void readingSubscriber_getsEveryEventOfItsTenantInOrder_andClusterEvents() {
        EventStream stream = stream(10_000, 5, 100);
        Recording recording = new Recording();
        stream.subscribe("DEFAULT", "ann", recording);

        List<String> ids = IntStream.range(0, 500).mapToObj(i -> "dev-" + i).toList();
        for (String id : ids) {
            stream.onEvent(created("DEFAULT", id));
            stream.onEvent(created("OTHER", "other-" + id));
        }
        stream.onEvent(new NodeLeftEvent("node-2"));

        await().atMost(WAIT).until(() -> recording.messages.size() == 501);
        assertThat(recording.messages.subList(0, 500)).allMatch(m -> m.contains("event:TargetCreatedEvent"));
        assertThat(recording.messages.subList(0, 500).stream()
                        .map(EventStreamTest::controllerId)
                        .toList())
                .isEqualTo(ids);
        assertThat(recording.messages.get(500)).contains("event:NodeLeftEvent");
    }

    @Test
    void stalledSubscriber_neverBlocksThePublisher_andIsDroppedWhenItsQueueOverflows() {
        EventStream stream = stream(50, 5, 100);
        Hanging hanging = new Hanging();
        Recording recording = new Recording();
        stream.subscribe("DEFAULT", "viewer", hanging);
        stream.subscribe("DEFAULT", "ann", recording);

        long publishNanos = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            stream.onEvent(created("DEFAULT", "dev-" + i));
            publishNanos += System.nanoTime() - start;
            if (i == 0) {
                await().atMost(WAIT).until(() -> hanging.entered.getCount() == 0);
            }
            // Bursts of 25 the reading subscriber keeps up with; the hanging one falls behind by 200.
            int sent = i + 1;
            if (sent % 25 == 0) {
                await().atMost(WAIT).until(() -> recording.messages.size() == sent);
            }
        }

        assertThat(publishNanos / 1_000_000)
                .as("publishing never waits for a subscriber")
                .isLessThan(2000);
        assertThat(meters.get("hawkbit.events.stream.dropped")
                        .tag("reason", "queue-full")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(stream.subscriberCount()).isEqualTo(1);
        assertThat(stream.slotsHeld())
                .as("the stalled thread still holds its slot")
                .isEqualTo(2);

        unblock.countDown();
        await().atMost(WAIT).until(() -> stream.slotsHeld() == 1);
        assertThat(hanging.completed)
                .as("the dropped stream is ended, so its client reconnects")
                .isTrue();
    }

    @Test
    void sendHangingPastTheSendTimeout_dropsTheSubscriber() {
        EventStream stream = stream(10_000, 5, 100);
        Hanging hanging = new Hanging();
        stream.subscribe("DEFAULT", "viewer", hanging);
        stream.onEvent(created("DEFAULT", "dev-1"));
        await().atMost(WAIT).until(() -> hanging.entered.getCount() == 0);

        now.addAndGet(Duration.ofSeconds(5).toNanos());
        stream.dropStalled();
        assertThat(stream.subscriberCount())
                .as("exactly the timeout is not past it")
                .isEqualTo(1);

        now.addAndGet(1);
        stream.dropStalled();
        assertThat(stream.subscriberCount()).isZero();
        assertThat(meters.get("hawkbit.events.stream.dropped")
                        .tag("reason", "send-timeout")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void caps_refuseStreamsPastPerUserAndPerNodeLimits_andASlotFreesWhenItsStreamEnds() {
        EventStream stream = stream(10_000, 2, 3);
        Failing gone = new Failing();
        stream.subscribe("DEFAULT", "ann", gone);
        stream.subscribe("DEFAULT", "ann", new Recording());
        assertThatThrownBy(() -> stream.subscribe("DEFAULT", "ann", new Recording()))
                .isInstanceOf(StreamLimitException.class)
                .hasMessageContaining("per user");
        stream.subscribe("DEFAULT", "bob", new Recording());
        assertThatThrownBy(() -> stream.subscribe("DEFAULT", "carl", new Recording()))
                .isInstanceOf(StreamLimitException.class)
                .hasMessageContaining("on this node");
        assertThat(meters.get("hawkbit.events.stream.rejected")
                        .tag("limit", "user")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("hawkbit.events.stream.rejected")
                        .tag("limit", "node")
                        .counter()
                        .count())
                .isEqualTo(1);

        // The first send to a client that went away fails and ends its stream.
        stream.onEvent(created("DEFAULT", "dev-1"));
        await().atMost(WAIT).until(() -> stream.slotsHeld() == 2);
        stream.subscribe("DEFAULT", "carl", new Recording());
        assertThatThrownBy(() -> stream.subscribe("DEFAULT", "ann", new Recording()))
                .isInstanceOf(StreamLimitException.class);
    }

    @Test
    void quietStream_getsKeepAliveComments_andAClientThatLeftFreesItsSlotWithoutAnyEvent() {
        EventStream stream = stream(10_000, 2, 100, Duration.ofMillis(50));
        Recording idle = new Recording();
        stream.subscribe("DEFAULT", "ann", idle);
        stream.subscribe("DEFAULT", "ann", new Failing());

        await().atMost(WAIT).until(() -> idle.messages.size() >= 2);
        assertThat(idle.messages).allMatch(m -> m.equals(":keep-alive\n\n"));
        await().atMost(WAIT).until(() -> stream.slotsHeld() == 1);
        stream.subscribe("DEFAULT", "ann", new Recording());

        stream.onEvent(created("DEFAULT", "dev-1"));
        await().atMost(WAIT).until(() -> idle.messages.stream().anyMatch(m -> m.contains("event:TargetCreatedEvent")));
    }

    private static String controllerId(String message) {
        int start = message.indexOf("\"controllerId\":\"") + 16;
        return message.substring(start, message.indexOf('"', start));
    }

    private static String text(SseEmitter.SseEventBuilder builder) {
        StringBuilder text = new StringBuilder();
        for (ResponseBodyEmitter.DataWithMediaType part : builder.build()) {
            Object data = part.getData();
            text.append(data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : data);
        }
        return text.toString();
    }

    /** A client that reads everything. */
    static final class Recording extends SseEmitter {

        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            messages.add(text(builder));
        }
    }

    /** A client that stopped reading: the first send hangs until the test ends. */
    final class Hanging extends SseEmitter {

        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean completed;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            entered.countDown();
            boolean released = false;
            while (!released) {
                try {
                    unblock.await();
                    released = true;
                } catch (InterruptedException e) {
                    // Worst case: like Tomcat's blocking write, deaf to interrupts.
                }
            }
            // The write timeout ends a blocked write with an error.
            throw new IOException("write timed out");
        }

        @Override
        public void complete() {
            completed = true;
        }
    }

    /** A client that went away. */
    static final class Failing extends SseEmitter {

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            throw new IOException("Broken pipe");
        }
    }
}
