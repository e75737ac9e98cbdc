package io.hawkbit.server.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How nodes announce themselves and when a silent member is dropped. */
@Validated
@ConfigurationProperties("hawkbit.cluster")
public class ClusterProperties {

    /** How often this node announces itself on the bus. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration heartbeatInterval = Duration.ofSeconds(5);

    /** A member not heard from for this long leaves the member list. */
    @NotNull
    @DurationMin(millis = 1)
    private Duration memberTimeout = Duration.ofSeconds(15);

    /** Events waiting for the broker, beyond which new ones are dropped (and counted) instead of queued. */
    @Min(1)
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
