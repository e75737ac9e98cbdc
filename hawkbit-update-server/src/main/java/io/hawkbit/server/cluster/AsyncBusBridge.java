package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.EventsDroppedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.bus.BusBridge;
import org.springframework.cloud.bus.event.RemoteApplicationEvent;

/**
 * Sends events to the broker from one background thread, in order. The committing request never waits for the
 * broker and never fails because of it: a failed send is logged (at most once per 10 s) and counted; when the queue
 * is full the event is dropped and counted. Nothing is silently lost for the other nodes: after the first successful
 * send that follows a drop or a failure, one {@link EventsDroppedEvent} tells them to flush their caches, which may
 * hold entries the missing events would have evicted.
 */
class AsyncBusBridge implements BusBridge, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncBusBridge.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BusBridge delegate;
    private final MeterRegistry meters;
    private final Timer publishDelay;
    private final ThreadPoolExecutor executor;
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private final String origin;

    public AsyncBusBridge(BusBridge delegate, MeterRegistry meters, int capacity, String origin) {
        this.delegate = delegate;
        this.meters = meters;
        this.origin = origin;
        // Queue wait plus the broker's send: tells a slow publisher (broker flow control, a starved thread) from a
        // slow delivery when events arrive late on the other nodes.
        this.publishDelay = Timer.builder("hawkbit.events.publish.delay")
                .description("From an event's publication to its hand-over to the broker")
                .register(meters);
        this.executor =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), runnable -> {
                    Thread thread = new Thread(runnable, "bus-publisher");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void send(RemoteApplicationEvent event) {
        String type = event.getClass().getSimpleName();
        long queued = System.nanoTime();
        try {
            executor.execute(() -> {
                try {
                    delegate.send(event);
                    publishDelay.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS);
                    meters.counter("hawkbit.events.published", "type", type).increment();
                } catch (RuntimeException e) {
                    undelivered.incrementAndGet();
                    meters.counter("hawkbit.events.failed", "type", type, "stage", "broker")
                            .increment();
                    logFailure(type, e);
                    return;
                }
                announceDrops();
            });
        } catch (RejectedExecutionException e) {
            // Counted before the queue drains: the publisher thread is busy with the full queue, so it sees this
            // count after one of the sends still ahead of it.
            undelivered.incrementAndGet();
            meters.counter("hawkbit.events.failed", "type", type, "stage", "queue-full")
                    .increment();
            logFailure(type, e);
        }
    }

    /** Runs on the publisher thread right after a successful send, so the broker is reachable. */
    private void announceDrops() {
        long dropped = undelivered.getAndSet(0);
        if (dropped == 0) {
            return;
        }
        try {
            delegate.send(new EventsDroppedEvent(origin, dropped));
            meters.counter("hawkbit.events.published", "type", EventsDroppedEvent.class.getSimpleName())
                    .increment();
            LOG.warn("{} events did not reach the broker; told the other nodes to flush their caches", dropped);
        } catch (RuntimeException e) {
            undelivered.addAndGet(dropped);
            logFailure(EventsDroppedEvent.class.getSimpleName(), e);
        }
    }

    private void logFailure(String type, Exception e) {
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn(
                    "Publishing {} to the broker failed ({} more failures since the last message): {}",
                    type,
                    suppressed.getAndSet(0),
                    e.toString());
        } else {
            suppressed.incrementAndGet();
        }
    }

    /** Events not yet handed to the broker. */
    public int pending() {
        return executor.getQueue().size();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
