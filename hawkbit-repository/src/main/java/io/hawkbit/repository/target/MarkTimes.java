package io.hawkbit.repository.target;

import java.util.concurrent.TimeUnit;

/**
 * Where one overdue run's time went, batch by batch: the candidates' select, the UPDATE, the read-back of the marked
 * rows when the UPDATE left some candidates out ({@link OverdueMarks}), and the rest of each batch's transaction
 * (begin, commit, the event published after it). Logged with the run, so a slow pass
 * names its slow statement without a profiler; the longest batch is the longest any row stayed locked.
 */
final class MarkTimes {

    private int batches;
    private long select;
    private long readBack;
    private long update;
    private long total;
    private long longest;

    void select(long nanos) {
        select += nanos;
    }

    void readBack(long nanos) {
        readBack += nanos;
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
        return ("%d batches, %d ms: select %d ms, update %d ms, read-back %d ms, commit and event %d ms;"
                        + " longest batch %d ms")
                .formatted(
                        batches,
                        millis(total),
                        millis(select),
                        millis(update),
                        millis(readBack),
                        millis(total - select - update - readBack),
                        millis(longest));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
