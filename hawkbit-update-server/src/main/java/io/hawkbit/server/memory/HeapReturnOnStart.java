package io.hawkbit.server.memory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link HeapReturn} once every bean is built and just before the web server opens its port: the one full
 * collection pauses no request, and the first request already meets the smaller heap. From then on it trims the C
 * heap every {@code hawkbit.memory.native-heap-trim-interval}.
 */
class HeapReturnOnStart implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HeapReturnOnStart.class);

    /** One below the web server's start phase: Spring Boot starts it 1024 below its graceful-shutdown phase. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024 - 1;

    private final HeapReturn heapReturn;
    private final Duration trimInterval;
    private volatile boolean running;
    private ScheduledExecutorService trims;

    HeapReturnOnStart(HeapReturn heapReturn, Duration trimInterval) {
        this.heapReturn = heapReturn;
        this.trimInterval = trimInterval;
    }

    @Override
    public void start() {
        if (!running) {
            running = true;
            if (heapReturn.apply() && !trimInterval.isZero() && !trimInterval.isNegative()) {
                // The JVM's own -XX:TrimNativeHeapInterval cannot be set at run time.
                trims = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "c-heap-trim");
                    thread.setDaemon(true);
                    return thread;
                });
                trims.scheduleWithFixedDelay(
                        () -> LOG.debug("C heap: {}", heapReturn.trimNativeHeap()),
                        trimInterval.toMillis(),
                        trimInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (trims != null) {
            trims.shutdownNow();
            trims = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
