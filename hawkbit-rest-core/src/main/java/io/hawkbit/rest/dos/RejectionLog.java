package io.hawkbit.rest.dos;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Writes at most one line per interval about rejected requests and counts the lines it held back, so floods cannot flood the log. */
public class RejectionLog {

    private final Consumer<String> sink;
    private final Ticker ticker;
    private final long intervalNanos;
    private final AtomicLong nextLine = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public RejectionLog(Consumer<String> sink, Ticker ticker, Duration interval) {
        this.sink = sink;
        this.ticker = ticker;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs the message if the interval since the last line has passed, else only counts it. */
    public void rejected(Supplier<String> message) {
        long now = ticker.read();
        long next = nextLine.get();
        if (now - next >= 0 || next == Long.MIN_VALUE) {
            if (nextLine.compareAndSet(next, now + intervalNanos)) {
                long held = suppressed.getAndSet(0);
                sink.accept(
                        held == 0
                                ? message.get()
                                : message.get() + " (" + held + " more rejections not logged since the last line)");
                return;
            }
        }
        suppressed.incrementAndGet();
    }
}
