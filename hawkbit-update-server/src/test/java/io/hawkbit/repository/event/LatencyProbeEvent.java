package io.hawkbit.repository.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Benchmark-only event carrying its send time (System.nanoTime of the one JVM all benchmark nodes share). */
public class LatencyProbeEvent extends ClusterEvent {

    @JsonProperty
    private long sentNanos;

    @JsonProperty
    private long sequence;

    public LatencyProbeEvent() {}

    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    public LatencyProbeEvent(long sentNanos, long sequence, String origin) {
        super("DEFAULT", origin);
        this.sentNanos = sentNanos;
        this.sequence = sequence;
    }

    public long getSentNanos() {
        return sentNanos;
    }

    public long getSequence() {
        return sequence;
    }
}
