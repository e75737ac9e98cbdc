package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.NodeProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class MemberHeartbeatTest {

    @Test
    void aContextClosedWhileStarting_neitherFailsTheStartNorAnnouncesADeparture() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        scheduler.shutdown();
        List<Object> published = new CopyOnWriteArrayList<>();
        NodeProperties node = new NodeProperties();
        node.setId("node-1");
        ClusterEventPublisher events = new ClusterEventPublisher(published::add, node, new SimpleMeterRegistry());
        MemberHeartbeat heartbeat =
                new MemberHeartbeat(events, new ClusterProperties(), scheduler, null, Clock.systemUTC());

        assertThatCode(heartbeat::start).doesNotThrowAnyException();
        heartbeat.stop();
        assertThat(published).as("it never beat, so it never left").isEmpty();
    }
}
