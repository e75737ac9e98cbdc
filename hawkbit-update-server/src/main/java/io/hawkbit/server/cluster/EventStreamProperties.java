package io.hawkbit.server.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Limits of {@code GET /rest/v1/events}: how far a subscriber may fall behind, and how many streams may be open. */
@Validated
@ConfigurationProperties("hawkbit.event-stream")
class EventStreamProperties {

    /** Events waiting for one subscriber; a subscriber further behind is dropped (its stream ends, the client reconnects). */
    @Min(1)
    private int queueCapacity = 10_000;

    /** A single send to a subscriber taking longer than this drops the subscriber. */
    @NotNull
    private Duration sendTimeout = Duration.ofSeconds(5);

    /** Streams one user may have open on this node at once; past it a new one gets 429. */
    @Min(1)
    private int maxPerUser = 5;

    /** Streams open on this node at once, all users together; past it a new one gets 429. */
    @Min(1)
    private int maxPerNode = 100;

    /** A stream ends after this long; SSE clients reconnect on their own. */
    @NotNull
    private Duration timeout = Duration.ofMinutes(30);

    /**
     * A stream without events for this long gets an SSE comment line: idle streams stay under the load balancer's
     * idle timeouts, and a client that went away is noticed (its send fails) and frees its slot.
     */
    @NotNull
    @DurationMin(millis = 10)
    private Duration keepAlive = Duration.ofSeconds(15);

    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public int getMaxPerUser() {
        return maxPerUser;
    }

    public void setMaxPerUser(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    public int getMaxPerNode() {
        return maxPerNode;
    }

    public void setMaxPerNode(int maxPerNode) {
        this.maxPerNode = maxPerNode;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }
}
