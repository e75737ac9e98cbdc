package io.hawkbit.server.cluster;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream: a bounded queue drained in order by a thread of its own, so a client that stops reading
 * blocks only that thread (for up to Tomcat's write timeout), never the committing thread or other subscribers. After
 * a quiet keep-alive period it sends a comment line, which also finds out when the client has gone.
 */
final class Subscriber implements Runnable {

    /** One SSE message, rendered once per event and shared by all subscribers. */
    record Message(String id, String type, String payload) {}

    private static final long IDLE = Long.MIN_VALUE;

    private final SseEmitter emitter;
    private final String tenant;
    private final String user;
    private final BlockingQueue<Message> queue;
    private final long keepAliveNanos;
    private final LongSupplier nanoTime;
    private final Consumer<Subscriber> onEnd;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long sendingSince = IDLE;
    private volatile Thread thread;

    Subscriber(
            SseEmitter emitter,
            String tenant,
            String user,
            int capacity,
            long keepAliveNanos,
            LongSupplier nanoTime,
            Consumer<Subscriber> onEnd) {
        this.emitter = emitter;
        this.tenant = tenant;
        this.user = user;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.keepAliveNanos = keepAliveNanos;
        this.nanoTime = nanoTime;
        this.onEnd = onEnd;
    }

    void start(String threadName) {
        Thread delivery = new Thread(this, threadName);
        delivery.setDaemon(true);
        thread = delivery;
        delivery.start();
    }

    String tenant() {
        return tenant;
    }

    String user() {
        return user;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Queues a message without ever blocking; false when the queue is full. */
    boolean offer(Message message) {
        return queue.offer(message);
    }

    /** Whether one send has been running for longer than the timeout. */
    boolean stalled(long now, long timeoutNanos) {
        long since = sendingSince;
        return since != IDLE && now - since > timeoutNanos;
    }

    /**
     * Stops delivery: the queue is discarded and the thread told to end, which completes the stream. A thread blocked
     * in a send ends when that send fails. Returns whether this call closed it (false when already closed).
     */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        Thread delivery = thread;
        if (delivery != null) {
            delivery.interrupt();
        }
        return true;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void run() {
        try {
            while (!closed.get()) {
                Message message = queue.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
                sendingSince = nanoTime.getAsLong();
                // A comment line keeps an idle stream under proxies' idle timeouts; SSE clients ignore it.
                emitter.send(
                        message == null
                                ? SseEmitter.event().comment("keep-alive")
                                : SseEmitter.event()
                                        .id(message.id())
                                        .name(message.type())
                                        .data(message.payload()));
                sendingSince = IDLE;
            }
        } catch (InterruptedException e) {
            // Closed while waiting for the next event.
        } catch (IOException | RuntimeException e) {
            // The client went away, or the stream already ended (IllegalStateException).
        } finally {
            closed.set(true);
            sendingSince = IDLE;
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // Already completed by the container.
            }
            onEnd.accept(this);
        }
    }
}
