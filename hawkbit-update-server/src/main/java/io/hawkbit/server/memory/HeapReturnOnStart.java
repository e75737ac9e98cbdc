package io.hawkbit.server.memory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link HeapReturn} once every bean is built and just before the web server opens its port: the one full
 * collection pauses no request, and the first request already meets the smaller heap.
 */
class HeapReturnOnStart implements SmartLifecycle {

    /** One below the web server's start phase: Spring Boot starts it 1024 below its graceful-shutdown phase. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024 - 1;

    private final HeapReturn heapReturn;
    private volatile boolean running;

    HeapReturnOnStart(HeapReturn heapReturn) {
        this.heapReturn = heapReturn;
    }

    @Override
    public void start() {
        if (!running) {
            running = true;
            heapReturn.apply();
        }
    }

    @Override
    public void stop() {
        running = false;
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
