package io.hawkbit.server.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

class HeapReturnOnStartTest {

    @Test
    void phase_isBeforeTheWebServerStarts() {
        int webServerStart = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;

        assertThat(new HeapReturnOnStart(null).getPhase()).isLessThan(webServerStart);
    }

    @Test
    void start_twice_appliesOnce() {
        AtomicInteger applied = new AtomicInteger();
        HeapReturnOnStart lifecycle = new HeapReturnOnStart(new HeapReturn(new MemoryProperties()) {
            @Override
            public void apply() {
                applied.incrementAndGet();
            }
        });

        lifecycle.start();
        lifecycle.start();

        assertThat(applied).hasValue(1);
        assertThat(lifecycle.isRunning()).isTrue();
    }
}
