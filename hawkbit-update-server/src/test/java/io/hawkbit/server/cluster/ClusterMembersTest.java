package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.hawkbit.repository.event.NodeLeftEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The member list on a test-controlled clock: who counts as live, up to the exact millisecond of the timeout. */
class ClusterMembersTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TestClock clock = new TestClock(START);
    private ClusterMembers members;

    @BeforeEach
    void setUp() {
        ClusterProperties properties = new ClusterProperties();
        properties.setMemberTimeout(TIMEOUT);
        members = new ClusterMembers(properties, clock);
    }

    @Test
    void liveMembers_isOneBeforeAnyHeartbeat() {
        assertThat(members.liveMembers()).isEqualTo(1);
        assertThat(members.live()).isEmpty();
    }

    @Test
    void heartbeat_recordsTheMemberAsHeardNow() {
        members.onHeartbeat(heartbeat("node-b", START.minusSeconds(60)));
        clock.advance(Duration.ofMillis(5));
        members.onHeartbeat(heartbeat("node-a", START.minusSeconds(30)));

        assertThat(members.liveMembers()).isEqualTo(2);
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-a", "node-b");
        ClusterMembers.Member b = members.live().get(1);
        assertThat(b.address()).isEqualTo("http://node-b:8080");
        assertThat(b.version()).isEqualTo("1.2.3");
        assertThat(b.startedAt()).isEqualTo(START.minusSeconds(60));
        assertThat(b.lastSeen()).as("the receiver's clock, not the sender's").isEqualTo(START);
        assertThat(members.live().get(0).lastSeen()).isEqualTo(START.plusMillis(5));
    }

    @Test
    void member_staysLiveUpToExactlyTheTimeout_andDropsOneMillisecondLater() {
        members.onHeartbeat(heartbeat("node-a", START));
        clock.advance(TIMEOUT);
        assertThat(members.liveMembers()).isEqualTo(1);
        assertThat(members.live()).hasSize(1);

        members.onHeartbeat(heartbeat("node-b", START));
        clock.advance(Duration.ofMillis(1));
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-b");
        assertThat(members.liveMembers()).isEqualTo(1);
    }

    @Test
    void liveMembers_countsOnlyLiveMembers_andNeverLessThanOne() {
        members.onHeartbeat(heartbeat("node-a", START));
        members.onHeartbeat(heartbeat("node-b", START));
        clock.advance(TIMEOUT.dividedBy(2));
        members.onHeartbeat(heartbeat("node-c", START));
        assertThat(members.liveMembers()).isEqualTo(3);

        clock.advance(TIMEOUT.dividedBy(2).plusMillis(1));
        assertThat(members.liveMembers()).as("a and b timed out").isEqualTo(1);
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-c");

        clock.advance(TIMEOUT);
        assertThat(members.liveMembers()).as("this node still counts").isEqualTo(1);
        assertThat(members.live()).isEmpty();
    }

    @Test
    void newHeartbeat_restartsTheTimeout() {
        members.onHeartbeat(heartbeat("node-a", START));
        clock.advance(TIMEOUT.minusSeconds(1));
        members.onHeartbeat(heartbeat("node-a", START));
        clock.advance(TIMEOUT);
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-a");
        assertThat(members.live().get(0).lastSeen())
                .isEqualTo(START.plus(TIMEOUT).minusSeconds(1));
    }

    @Test
    void leaving_dropsTheMemberAtOnce() {
        members.onHeartbeat(heartbeat("node-a", START));
        members.onHeartbeat(heartbeat("node-b", START));
        members.onLeft(new NodeLeftEvent("node-a"));
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-b");
        assertThat(members.liveMembers()).isEqualTo(1);

        members.onLeft(new NodeLeftEvent("never-seen"));
        assertThat(members.live()).hasSize(1);
    }

    @Test
    void timedOutMember_comesBackWithItsNextHeartbeat() {
        members.onHeartbeat(heartbeat("node-a", START));
        clock.advance(TIMEOUT.plusSeconds(1));
        assertThat(members.live()).isEmpty();

        members.onHeartbeat(heartbeat("node-a", START));
        assertThat(members.live()).extracting(ClusterMembers.Member::id).containsExactly("node-a");
    }

    @Test
    void timeout_comesFromTheProperties() {
        ClusterProperties properties = new ClusterProperties();
        properties.setMemberTimeout(Duration.ofSeconds(2));
        ClusterMembers shortLived = new ClusterMembers(properties, clock);
        shortLived.onHeartbeat(heartbeat("node-a", START));
        clock.advance(Duration.ofMillis(2001));
        assertThat(shortLived.live()).isEmpty();
    }

    private static NodeHeartbeatEvent heartbeat(String node, Instant startedAt) {
        return new NodeHeartbeatEvent("http://" + node + ":8080", "1.2.3", startedAt.toEpochMilli(), null, node);
    }

    /** A clock that moves only when the test advances it. */
    private static final class TestClock extends Clock {

        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
