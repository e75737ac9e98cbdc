package io.hawkbit.server.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeapReturnTest {

    private final Map<String, VMOption> jvm = new HashMap<>();
    private final List<String> done = new ArrayList<>();
    private final MemoryProperties properties = new MemoryProperties();

    HeapReturnTest() {
        jvm.put("UseG1GC", new VMOption("UseG1GC", "true", false, Origin.ERGONOMIC));
        jvm.put("MaxHeapSize", new VMOption("MaxHeapSize", "6320816128", false, Origin.ERGONOMIC));
        jvm.put("MinHeapFreeRatio", new VMOption("MinHeapFreeRatio", "40", true, Origin.DEFAULT));
        jvm.put("MaxHeapFreeRatio", new VMOption("MaxHeapFreeRatio", "70", true, Origin.DEFAULT));
        jvm.put("G1PeriodicGCInterval", new VMOption("G1PeriodicGCInterval", "0", true, Origin.DEFAULT));
    }

    private HeapReturn heapReturn() {
        return new HeapReturn(properties, name -> Optional.ofNullable(jvm.get(name)), new HeapReturn.VmControl() {
            @Override
            public void setFlag(String name, String value) {
                done.add(name + "=" + value);
            }

            @Override
            public void collect() {
                done.add("gc");
            }

            @Override
            public String trimNativeHeap() {
                done.add("trim");
                return "trimmed";
            }
        });
    }

    @Test
    void apply_onDefaultG1_setsFreeRatiosMinFirstThenPeriodicIntervalThenCollectsThenTrimsTheCHeap() {
        properties.setPeriodicGcInterval(Duration.ofSeconds(30));

        heapReturn().apply();

        assertThat(done)
                .containsExactly(
                        "MinHeapFreeRatio=10", "MaxHeapFreeRatio=20", "G1PeriodicGCInterval=30000", "gc", "trim");
    }

    @Test
    void apply_whenUserSetTheHeapSize_leavesTheJvmAlone() {
        jvm.put("MaxHeapSize", new VMOption("MaxHeapSize", "536870912", false, Origin.VM_CREATION));

        heapReturn().apply();

        assertThat(done).isEmpty();
    }

    @Test
    void apply_whenUserSetAFreeRatioThroughJavaToolOptions_leavesTheJvmAlone() {
        jvm.put("MaxHeapFreeRatio", new VMOption("MaxHeapFreeRatio", "50", true, Origin.ENVIRON_VAR));

        heapReturn().apply();

        assertThat(done).isEmpty();
    }

    @Test
    void apply_whenTheCollectorIsNotG1_leavesTheJvmAlone() {
        jvm.put("UseG1GC", new VMOption("UseG1GC", "false", false, Origin.DEFAULT));
        jvm.put("UseSerialGC", new VMOption("UseSerialGC", "true", false, Origin.VM_CREATION));

        heapReturn().apply();

        assertThat(done).isEmpty();
    }

    @Test
    void apply_whenSwitchedOff_leavesTheJvmAlone() {
        properties.setReturnToOs(false);

        heapReturn().apply();

        assertThat(done).isEmpty();
    }

    @Test
    void flags_minRatioAboveMax_isCappedAtMaxSoTheJvmAcceptsBoth() {
        properties.setMinHeapFreeRatio(40);
        properties.setMaxHeapFreeRatio(15);

        assertThat(heapReturn().flags())
                .containsEntry("MinHeapFreeRatio", "15")
                .containsEntry("MaxHeapFreeRatio", "15");
    }

    @Test
    void apply_onThisJvm_setsTheManageableFlags() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeThat(hotSpot.getVMOption("UseG1GC").getValue()).isEqualTo("true");
        List<String> ours = List.of("MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval");
        Map<String, String> before = new HashMap<>();
        ours.forEach(name -> before.put(name, hotSpot.getVMOption(name).getValue()));
        // A context started earlier in this JVM may have set them already (origin MANAGEMENT): read them as defaults.
        HeapReturn onThisJvm = new HeapReturn(
                properties,
                name -> HeapReturn.platformOption(name)
                        .map(o -> ours.contains(name) ? new VMOption(name, o.getValue(), true, Origin.DEFAULT) : o),
                HeapReturn.platformVm());
        assumeThat(onThisJvm.flags()).as("no heap flag set for the test JVM").isNotEmpty();
        try {
            properties.setMaxHeapFreeRatio(33);
            properties.setMinHeapFreeRatio(11);
            properties.setPeriodicGcInterval(Duration.ofSeconds(45));

            onThisJvm.apply();

            assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("33");
            assertThat(hotSpot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("11");
            assertThat(hotSpot.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("45000");
        } finally {
            hotSpot.setVMOption("G1PeriodicGCInterval", before.get("G1PeriodicGCInterval"));
            hotSpot.setVMOption("MinHeapFreeRatio", "0");
            hotSpot.setVMOption("MaxHeapFreeRatio", before.get("MaxHeapFreeRatio"));
            hotSpot.setVMOption("MinHeapFreeRatio", before.get("MinHeapFreeRatio"));
        }
    }

    /** The diagnostic command exists from JDK 17.0.9 on; on Linux it reports the RSS before and after. */
    @Test
    void platformVm_trimsTheCHeapOfThisJvm() {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(Runtime.version().compareToIgnoreOptional(Runtime.Version.parse("17.0.9")))
                .isGreaterThanOrEqualTo(0);

        assertThat(HeapReturn.platformVm().trimNativeHeap()).startsWith("Trim native heap: RSS+Swap:");
    }
}
