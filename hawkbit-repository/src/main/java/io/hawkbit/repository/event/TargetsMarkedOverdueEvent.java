package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The overdue scheduler marked targets whose last poll is overdue: one event per batch, naming each target once in
 * the cluster. Unmarking (a poll, or a longer polling time) publishes nothing.
 */
public class TargetsMarkedOverdueEvent extends ClusterEvent {

    @JsonProperty
    private List<String> controllerIds = List.of();

    @JsonProperty
    private long overdueSince;

    public TargetsMarkedOverdueEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public TargetsMarkedOverdueEvent(String tenant, List<String> controllerIds, long overdueSince, String origin) {
        super(tenant, origin);
        this.controllerIds = List.copyOf(controllerIds);
        this.overdueSince = overdueSince;
    }

    public List<String> getControllerIds() {
        return controllerIds;
    }

    /** Epoch milliseconds of the marking, as stored in {@code Target.overdueSince}. */
    public long getOverdueSince() {
        return overdueSince;
    }
}
