package io.hawkbit.server.ui;

import io.hawkbit.repository.rollout.RolloutCounts;
import java.util.List;

/**
 * A stacked bar of a rollout's or a group's targets by status, in a fixed order (done first, waiting last), with a
 * sentence that says the same for screen readers and narrow screens.
 */
record ProgressBar(long total, int percentDone, List<Segment> segments, String summary) {

    /** The statuses in the order the bar shows them; the keys of {@link RolloutCounts}. */
    static final List<String> ORDER = List.of("finished", "error", "running", "scheduled", "notstarted", "cancelled");

    /** One status: its count and its share of the bar in percent. */
    record Segment(String status, long count, double percent) {}

    static ProgressBar of(RolloutCounts.Counts counts) {
        long total = counts.total();
        List<Segment> segments = ORDER.stream()
                .map(status -> {
                    long count = counts.perStatus().getOrDefault(status, 0L);
                    return new Segment(status, count, total == 0 ? 0 : 100.0 * count / total);
                })
                .toList();
        long done = counts.perStatus().getOrDefault("finished", 0L)
                + counts.perStatus().getOrDefault("error", 0L);
        String summary = segments.stream()
                .filter(s -> s.count() > 0)
                .map(s -> s.count() + " " + s.status())
                .reduce((a, b) -> a + ", " + b)
                .map(s -> s + " of " + total)
                .orElse("no targets");
        return new ProgressBar(total, total == 0 ? 0 : (int) (100 * done / total), segments, summary);
    }
}
