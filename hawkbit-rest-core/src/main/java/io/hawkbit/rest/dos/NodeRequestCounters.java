package io.hawkbit.rest.dos;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * This node's request counts: one Bucket4j bucket per client, class of traffic and kind of method, refilled to the
 * limit once per second, held in a Caffeine cache bounded by {@code max-tracked-clients}. In cluster scope the limit
 * is this node's share, the configured limit divided by the live members (rounded up); a bucket is rebuilt when the
 * share changes.
 */
class NodeRequestCounters implements RequestCounters {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private static final int SLOTS = Api.values().length * 2;

    private final DosProperties properties;
    private final TimeMeter time;
    // A bucket idle for a whole window is full again, so dropping it after that long loses nothing.
    private final Cache<String, AtomicReferenceArray<Slot>> clients;
    private final IntSupplier sharers;

    /** A bucket and the limit it was built for. */
    private record Slot(Bucket bucket, int limit) {}

    public NodeRequestCounters(DosProperties properties, Ticker ticker) {
        this(properties, ticker, () -> 1);
    }

    /** @param sharers how many nodes share each limit (the live cluster members in cluster scope) */
    public NodeRequestCounters(DosProperties properties, Ticker ticker, IntSupplier sharers) {
        this.properties = properties;
        this.sharers = sharers;
        this.time = new TickerTimeMeter(ticker);
        this.clients = Caffeine.newBuilder()
                .maximumSize(properties.getMaxTrackedClients())
                .expireAfterAccess(WINDOW)
                .ticker(ticker)
                .build();
    }

    @Override
    public long tryConsume(String client, Api api, boolean write) {
        AtomicReferenceArray<Slot> buckets = clients.get(client, key -> new AtomicReferenceArray<>(SLOTS));
        int index = api.ordinal() * 2 + (write ? 1 : 0);
        int limit = share(properties.limit(api, write));
        Slot slot = buckets.get(index);
        if (slot == null || slot.limit() != limit) {
            Slot created = new Slot(newBucket(limit), limit);
            slot = buckets.compareAndSet(index, slot, created) ? created : buckets.get(index);
        }
        ConsumptionProbe probe = slot.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private int share(int limit) {
        int nodes = Math.max(1, sharers.getAsInt());
        return Math.max(1, (limit + nodes - 1) / nodes);
    }

    /** How many clients have counters now, after pending evictions ran. */
    long trackedClients() {
        clients.cleanUp();
        return clients.estimatedSize();
    }

    private Bucket newBucket(int limit) {
        return Bucket.builder()
                .addLimit(b -> b.capacity(limit).refillIntervally(limit, WINDOW))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j's view of the shared ticker, so tests move buckets and cache expiry with one fake clock. */
    private record TickerTimeMeter(Ticker ticker) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return ticker.read();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
