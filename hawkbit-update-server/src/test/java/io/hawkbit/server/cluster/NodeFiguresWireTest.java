package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.NodeFigures;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeat figures between nodes of different versions, read by the bus's converter: a field added to
 * {@link NodeFigures} is ignored by a reader that does not know it, and missing from an older sender it reads as null.
 */
class NodeFiguresWireTest {

    private final CachingBusJsonConverter converter = new CachingBusJsonConverter();
    private final JsonMapper writer = JsonMapper.builder().build();

    private static NodeHeartbeatEvent heartbeat(Long pollsPerMinute) {
        NodeFigures figures =
                new NodeFigures(1.5, 2.5, 0.75, 3, 4, Set.of("rollouts"), Map.of("rollouts", 1000L), pollsPerMinute);
        return new NodeHeartbeatEvent("10.0.0.1:8080", "1.0", 99L, figures, "node-a");
    }

    private NodeFigures read(String json) {
        Object event = converter.fromMessage(
                MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                        .build(),
                RemoteApplicationEvent.class);
        assertThat(event).isInstanceOf(NodeHeartbeatEvent.class);
        return ((NodeHeartbeatEvent) event).getFigures();
    }

    @Test
    void pollsPerMinute_travelsWithTheHeartbeat() {
        NodeFigures figures = read(writer.writeValueAsString(heartbeat(42L)));
        assertThat(figures.ddiPollsPerMinute()).isEqualTo(42L);
        assertThat(figures.eventsSentPerSecond()).isEqualTo(1.5);
        assertThat(figures.locksHeld()).containsExactly("rollouts");
    }

    @Test
    void heartbeatOfAnOlderNode_withoutTheField_readsAsNull() {
        String json = writer.writeValueAsString(heartbeat(42L));
        String older = json.replace(",\"ddiPollsPerMinute\":42", "").replace("\"ddiPollsPerMinute\":42,", "");
        assertThat(older).isNotEqualTo(json).doesNotContain("ddiPollsPerMinute");
        NodeFigures figures = read(older);
        assertThat(figures.ddiPollsPerMinute()).isNull();
        assertThat(figures.rejectedLogins()).isEqualTo(4);
    }

    @Test
    void fieldOfANewerNode_isIgnored() {
        String json = writer.writeValueAsString(heartbeat(7L));
        String newer = json.replace("\"ddiPollsPerMinute\":7", "\"ddiPollsPerMinute\":7,\"someLaterFigure\":{\"x\":1}");
        assertThat(newer).contains("someLaterFigure");
        assertThat(read(newer).ddiPollsPerMinute()).isEqualTo(7L);
    }
}
