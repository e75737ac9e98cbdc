package io.hawkbit.repository.event;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which optional events this node publishes. */
@ConfigurationProperties("hawkbit.events")
public class EventProperties {

    /** Publish a TargetPolledEvent for every DDI poll: high volume, so off by default. */
    private boolean targetPolled;

    public boolean isTargetPolled() {
        return targetPolled;
    }

    public void setTargetPolled(boolean targetPolled) {
        this.targetPolled = targetPolled;
    }
}
