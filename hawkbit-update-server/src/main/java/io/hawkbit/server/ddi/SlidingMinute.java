package io.hawkbit.server.ddi;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts occurrences over the last minute, to the second: 60 one-second slots on a monotonic {@link Ticker}. The
 * count covers the current second and the 59 before it. Lock-free and without allocation, as it is called on every
 * device poll: each slot packs the second it holds (high 32 bits) with its count (low 32 bits), so a slot is moved to
 * a new second and counted in one compare-and-set, and no increment is lost to a concurrent reset.
 */
final class SlidingMinute {

    static final int SECONDS = 60;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long COUNT = 0xFFFF_FFFFL;

    private final Ticker ticker;
    private final AtomicLongArray slots = new AtomicLongArray(SECONDS);

    SlidingMinute(Ticker ticker) {
        this.ticker = ticker;
        // Mark every slot as belonging to a second long gone, so a ticker starting at 0 does not count empty slots as
        // current ones.
        long stale = stamp(second() - SECONDS) << 32;
        for (int i = 0; i < SECONDS; i++) {
            slots.set(i, stale);
        }
    }

    void record() {
        long second = second();
        int index = (int) Math.floorMod(second, (long) SECONDS);
        long stamp = stamp(second);
        long slot;
        long next;
        do {
            slot = slots.get(index);
            next = slot >>> 32 == stamp ? slot + 1 : (stamp << 32) | 1;
        } while (!slots.compareAndSet(index, slot, next));
    }

    /** The occurrences in the current second and the 59 before it. */
    long lastMinute() {
        long second = second();
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            long slot = slots.get(i);
            long age = (stamp(second) - (slot >>> 32)) & COUNT;
            if (age < SECONDS) {
                total += slot & COUNT;
            }
        }
        return total;
    }

    private long second() {
        return Math.floorDiv(ticker.read(), NANOS_PER_SECOND);
    }

    /** The second's low 32 bits: slots compare them modulo 2^32, which wraps after 136 years. */
    private static long stamp(long second) {
        return second & COUNT;
    }
}
