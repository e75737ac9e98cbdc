package io.hawkbit.repository.target;

import java.util.concurrent.TimeUnit;

/**
 * Where one overdue run's time went, batch by batch: the candidates' select, the locking re-read, the UPDATE, and the
 * rest of each batch's transaction (begin, commit, the event published after it). Logged with the run, so a slow pass
 * names its slow statement without a profiler; the longest batch is the longest any row stayed locked.
 */
final class MarkTimes {

    private int batches;
    private long select;
    private long lock;
    private long update;
    private long total;
    private long longest;

    void select(long nanos) {
        select += nanos;
    }

    void lock(long nanos) {
        lock += nanos;
    }

    void update(long nanos) {
        update += nanos;
    }

    /** One batch's whole transaction, commit and event included. */
    void batch(long nanos) {
        batches++;
        total += nanos;
        longest = Math.max(longest, nanos);
    }

    @Override
    public String toString() {
        return ("%d batches, %d ms: select %d ms, locking read %d ms, update %d ms, commit and event %d ms;"
                        + " longest batch %d ms")
                .formatted(
                        batches,
                        millis(total),
                        millis(select),
                        millis(lock),
                        millis(update),
                        millis(total - select - lock - update),
                        millis(longest));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
