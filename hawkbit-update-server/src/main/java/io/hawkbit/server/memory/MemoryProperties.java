package io.hawkbit.server.memory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a node started with the JVM's default heap flags gives memory back to the operating system (G1 only; skipped
 * when any heap-sizing flag was set by the user).
 */
@Validated
@ConfigurationProperties("hawkbit.memory")
public class MemoryProperties {

    /** Whether to collect once before the node serves its first request and let G1 return unused heap from then on. */
    private boolean returnToOs = true;

    /** Most heap (percent) kept free after a full collection or a concurrent cycle; more is returned to the OS. */
    @Min(1)
    @Max(100)
    private int maxHeapFreeRatio = 20;

    /** Least heap (percent) kept free after a full collection; less makes G1 grow the heap. */
    @Min(0)
    @Max(100)
    private int minHeapFreeRatio = 10;

    /** A node without a collection for this long runs a concurrent cycle, which returns unused heap; 0 = never. */
    @NotNull
    private Duration periodicGcInterval = Duration.ofMinutes(1);

    /**
     * With {@code return-to-os} in effect: how often the C heap's free memory (mostly what the JIT compilers freed) goes
     * back to the OS; 0 = only once, after the start.
     */
    @NotNull
    private Duration nativeHeapTrimInterval = Duration.ofMinutes(1);

    public boolean isReturnToOs() {
        return returnToOs;
    }

    public void setReturnToOs(boolean returnToOs) {
        this.returnToOs = returnToOs;
    }

    public int getMaxHeapFreeRatio() {
        return maxHeapFreeRatio;
    }

    public void setMaxHeapFreeRatio(int maxHeapFreeRatio) {
        this.maxHeapFreeRatio = maxHeapFreeRatio;
    }

    public int getMinHeapFreeRatio() {
        return minHeapFreeRatio;
    }

    public void setMinHeapFreeRatio(int minHeapFreeRatio) {
        this.minHeapFreeRatio = minHeapFreeRatio;
    }

    public Duration getPeriodicGcInterval() {
        return periodicGcInterval;
    }

    public void setPeriodicGcInterval(Duration periodicGcInterval) {
        this.periodicGcInterval = periodicGcInterval;
    }

    public Duration getNativeHeapTrimInterval() {
        return nativeHeapTrimInterval;
    }

    public void setNativeHeapTrimInterval(Duration nativeHeapTrimInterval) {
        this.nativeHeapTrimInterval = nativeHeapTrimInterval;
    }
}
