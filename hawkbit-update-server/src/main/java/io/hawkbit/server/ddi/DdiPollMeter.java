package io.hawkbit.server.ddi;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts this node's DDI base polls: {@value #POLLS} (since start) and {@value #LAST_MINUTE} (over the last 60 s),
 * which the heartbeat carries to the console's dashboard and cluster page. The counter is resolved once, so a poll
 * costs one add to it and one compare-and-set in the window: no meter lookup, no tags, no allocation.
 */
@Component
public class DdiPollMeter {

    /** The counter of base polls since the node started. */
    private static final String POLLS = "hawkbit.ddi.polls";

    /** The gauge of base polls in the current second and the 59 before it. */
    private static final String LAST_MINUTE = "hawkbit.ddi.polls.last-minute";

    private final Counter polls;
    private final SlidingMinute lastMinute;

    public DdiPollMeter(MeterRegistry meters) {
        this.lastMinute = new SlidingMinute(Ticker.systemTicker());
        this.polls = Counter.builder(POLLS)
                .description("DDI base polls received by this node")
                .register(meters);
        Gauge.builder(LAST_MINUTE, lastMinute, SlidingMinute::lastMinute)
                .description("DDI base polls received by this node in the last 60 s")
                .strongReference(true)
                .register(meters);
    }

    void polled() {
        polls.increment();
        lastMinute.record();
    }

    /** This node's base polls in the current second and the 59 before it. */
    public long lastMinute() {
        return lastMinute.lastMinute();
    }
}
