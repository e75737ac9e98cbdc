package io.hawkbit.server.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How nodes announce themselves and when a silent member is dropped. */
@ConfigurationProperties("hawkbit.cluster")
public class ClusterProperties {

    /** How often this node announces itself on the bus. */
    private Duration heartbeatInterval = Duration.ofSeconds(5);

    /** A member not heard from for this long leaves the member list. */
    private Duration memberTimeout = Duration.ofSeconds(15);

    /** Events waiting for the broker, beyond which new ones are dropped (and counted) instead of queued. */
    private int publishQueueCapacity = 10_000;

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getMemberTimeout() {
        return memberTimeout;
    }

    public void setMemberTimeout(Duration memberTimeout) {
        this.memberTimeout = memberTimeout;
    }

    public int getPublishQueueCapacity() {
        return publishQueueCapacity;
    }

    public void setPublishQueueCapacity(int publishQueueCapacity) {
        this.publishQueueCapacity = publishQueueCapacity;
    }
}
