package io.hawkbit.server.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes G1 give unused heap back to the operating system (JEP 346) through its manageable flags, unless the user sized
 * the heap or chose another collector: without it, the garbage of the start grows G1's committed heap (a quarter of
 * the machine's memory at most) and nothing returns it while the node idles.
 */
public class HeapReturn {

    private static final Logger LOG = LoggerFactory.getLogger(HeapReturn.class);

    /** Flags whose value from the command line, a config file or JAVA_TOOL_OPTIONS means "the user sized the heap". */
    static final List<String> USER_HEAP_FLAGS = List.of(
            "MaxHeapSize",
            "InitialHeapSize",
            "MinHeapSize",
            "SoftMaxHeapSize",
            "MaxRAM",
            "MaxRAMPercentage",
            "MinRAMPercentage",
            "InitialRAMPercentage",
            "MinHeapFreeRatio",
            "MaxHeapFreeRatio",
            "G1PeriodicGCInterval",
            "DisableExplicitGC");

    private final MemoryProperties properties;
    private final Function<String, Optional<VMOption>> options;
    private final VmControl vm;

    /** Acts on this JVM. */
    public HeapReturn(MemoryProperties properties) {
        this(properties, HeapReturn::platformOption, platformVm());
    }

    HeapReturn(MemoryProperties properties, Function<String, Optional<VMOption>> options, VmControl vm) {
        this.properties = properties;
        this.options = options;
        this.vm = vm;
    }

    /**
     * The flags to set, in the order they can be set (MinHeapFreeRatio may never exceed MaxHeapFreeRatio), or an
     * empty map with the reason logged when the JVM is left alone.
     */
    Map<String, String> flags() {
        if (!properties.isReturnToOs()) {
            return Map.of();
        }
        if (!options.apply("UseG1GC").map(o -> "true".equals(o.getValue())).orElse(false)) {
            LOG.debug("Collector is not G1: heap left as the JVM sizes it");
            return Map.of();
        }
        for (String name : USER_HEAP_FLAGS) {
            Optional<VMOption> option = options.apply(name);
            if (option.isPresent() && setByUser(option.get())) {
                // MANAGEMENT counts too: a flag set at run time (jcmd, an earlier context in this JVM) is not ours
                LOG.info(
                        "{} already set ({}): hawkbit.memory.return-to-os leaves the heap alone",
                        name,
                        option.get().getOrigin());
                return Map.of();
            }
        }
        int min = Math.min(properties.getMinHeapFreeRatio(), properties.getMaxHeapFreeRatio());
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", Integer.toString(min));
        flags.put("MaxHeapFreeRatio", Integer.toString(properties.getMaxHeapFreeRatio()));
        flags.put(
                "G1PeriodicGCInterval",
                Long.toString(properties.getPeriodicGcInterval().toMillis()));
        return flags;
    }

    /**
     * Sets the flags and collects once, so the heap grown by the start shrinks to what the node holds; then gives back
     * the C heap the start freed (mostly the JIT compilers' arenas), which the C library keeps otherwise. With the
     * periodic trims that follow, 20–30 MB less RSS two minutes after start (docs/performance.md). Returns whether it
     * acted, i.e. the JVM was left to this class.
     */
    public boolean apply() {
        Map<String, String> flags = flags();
        if (flags.isEmpty()) {
            return false;
        }
        try {
            flags.forEach(vm::setFlag);
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            LOG.warn("Could not set G1's heap flags, heap left as the JVM sizes it: {}", e.getMessage());
            return false;
        }
        vm.collect();
        String trimmed = trimNativeHeap();
        LOG.info(
                "Heap returned to the OS after start ({}); G1 returns unused heap from now on. C heap: {}",
                flags,
                trimmed);
        return true;
    }

    /** Returns the C heap's free memory to the OS now; says what it did. */
    public String trimNativeHeap() {
        long start = System.nanoTime();
        String result = vm.trimNativeHeap();
        return result + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms";
    }

    private static boolean setByUser(VMOption option) {
        return switch (option.getOrigin()) {
            case DEFAULT, ERGONOMIC -> false;
            default -> true;
        };
    }

    static VmControl platformVm() {
        return new PlatformVm();
    }

    static Optional<VMOption> platformOption(String name) {
        try {
            return Optional.of(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name));
        } catch (IllegalArgumentException unknownFlag) {
            return Optional.empty();
        }
    }

    /** What this class does to the JVM; replaced in tests. */
    interface VmControl {
        void setFlag(String name, String value);

        void collect();

        /** Returns the C heap's free memory to the OS (glibc's {@code malloc_trim}); says what it did or why not. */
        String trimNativeHeap();
    }

    private static final class PlatformVm implements VmControl {
        @Override
        public void setFlag(String name, String value) {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).setVMOption(name, value);
        }

        @Override
        @SuppressWarnings("java:S1215") // the one explicit collection, before the node serves, is the point
        public void collect() {
            System.gc();
        }

        /** The JVM's own {@code System.trim_native_heap} diagnostic command (JDK 17.0.9 and later). */
        @Override
        public String trimNativeHeap() {
            try {
                Object result = ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "systemTrimNativeHeap",
                                new Object[] {null},
                                new String[] {String[].class.getName()});
                return String.valueOf(result).strip();
            } catch (JMException | RuntimeException e) {
                return "not trimmed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
        }
    }
}
