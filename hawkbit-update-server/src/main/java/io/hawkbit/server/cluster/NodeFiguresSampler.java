package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.NodeFigures;
import io.hawkbit.repository.lock.ClusterLock;
import io.hawkbit.server.ddi.DdiPollMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.stereotype.Component;

/**
 * Takes this node's {@link NodeFigures} for its heartbeat, from the meters the node keeps anyway: the events handed
 * to the broker and received from it (rates over the time since the previous sample), Caffeine's statistics, the DoS
 * filter's rejection counters and the DDI polls of the last minute.
 */
@Component
class NodeFiguresSampler {

    private final MeterRegistry meters;
    private final CacheManager caches;
    private final ObjectProvider<ClusterLock> locks;
    private final Clock clock;
    private final DdiPollMeter polls;
    private double sentBefore;
    private double receivedBefore;
    private long sampledAt;

    NodeFiguresSampler(
            MeterRegistry meters,
            CacheManager caches,
            ObjectProvider<ClusterLock> locks,
            Clock clock,
            DdiPollMeter polls) {
        this.meters = meters;
        this.polls = polls;
        this.caches = caches;
        this.locks = locks;
        this.clock = clock;
        this.sampledAt = clock.millis();
    }

    synchronized NodeFigures sample() {
        long now = clock.millis();
        double seconds = Math.max(0.001, (now - sampledAt) / 1000.0);
        double sent = total("hawkbit.events.published");
        double received = total("hawkbit.events.received");
        NodeFigures figures = new NodeFigures(
                round((sent - sentBefore) / seconds),
                round((received - receivedBefore) / seconds),
                cacheHitRate(),
                (long) (rejected("limit") + rejected("blacklist")),
                (long) rejected("lockout"),
                locks.stream().findFirst().map(ClusterLock::held).orElse(Set.of()),
                locks.stream().findFirst().map(ClusterLock::lastRuns).orElse(Map.of()),
                polls.lastMinute());
        sentBefore = sent;
        receivedBefore = received;
        sampledAt = now;
        return figures;
    }

    private double total(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double rejected(String reason) {
        return meters.find("hawkbit.dos.rejected").tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private Double cacheHitRate() {
        long hits = 0;
        long lookups = 0;
        for (String name : caches.getCacheNames()) {
            if (caches.getCache(name) instanceof CaffeineCache cache) {
                var stats = cache.getNativeCache().stats();
                hits += stats.hitCount();
                lookups += stats.requestCount();
            }
        }
        return lookups == 0 ? null : round((double) hits / lookups);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
