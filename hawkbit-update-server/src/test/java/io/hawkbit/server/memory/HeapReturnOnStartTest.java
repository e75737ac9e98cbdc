package io.hawkbit.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

class HeapReturnOnStartTest {

    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger trimmed = new AtomicInteger();

    /** A heap return that counts instead of acting, and says whether it would have acted. */
    private HeapReturn heapReturn(boolean acts) {
        return new HeapReturn(new MemoryProperties()) {
            @Override
            public boolean apply() {
                applied.incrementAndGet();
                return acts;
            }

            @Override
            public String trimNativeHeap() {
                trimmed.incrementAndGet();
                return "trimmed";
            }
        };
    }

    @Test
    void phase_isBeforeTheWebServerStarts() {
        int webServerStart = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;

        assertThat(new HeapReturnOnStart(null, Duration.ZERO).getPhase()).isLessThan(webServerStart);
    }

    @Test
    void start_twice_appliesOnce() {
        HeapReturnOnStart lifecycle = new HeapReturnOnStart(heapReturn(true), Duration.ZERO);

        lifecycle.start();
        lifecycle.start();

        assertThat(applied).hasValue(1);
        assertThat(lifecycle.isRunning()).isTrue();
    }

    @Test
    void afterApplying_trimsTheCHeapEveryInterval_untilStopped() {
        HeapReturnOnStart lifecycle = new HeapReturnOnStart(heapReturn(true), Duration.ofMillis(20));

        lifecycle.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> trimmed.get() >= 3);
        lifecycle.stop();
        int atStop = trimmed.get();

        // A trim under way when stop() was called may still finish; none starts after it.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> trimmed.get() <= atStop + 1);
    }

    @Test
    void whenTheJvmWasLeftAlone_neverTrims() {
        HeapReturnOnStart lifecycle = new HeapReturnOnStart(heapReturn(false), Duration.ofMillis(20));

        lifecycle.start();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> trimmed.get() == 0);
        lifecycle.stop();
    }
}
