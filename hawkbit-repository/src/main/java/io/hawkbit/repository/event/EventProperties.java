package io.hawkbit.repository.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Which optional events this node publishes. */
@Validated
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
