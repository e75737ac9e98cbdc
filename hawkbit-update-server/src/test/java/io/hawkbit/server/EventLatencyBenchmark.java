package io.hawkbit.server;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.LatencyProbeEvent;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Event latency and throughput across nodes on the local RabbitMQ (run by benchmarks/event-latency.sh; not part of
 * the test suite). Two or three nodes ({@code -Dnodes=2|3}) in one JVM, so one clock times publish → remote listener
 * one-way.
 */
class EventLatencyBenchmark {

    private static final int WARMUP = 3000;
    private static final int MEASURED = 3000;
    private static final int PACED_RATE = 2000;
    private static final int PACED_COUNT = 10_000;
    private static final int BURST = 20_000;

    @Test
    void measure() throws Exception {
        LocalServices.assumeMariaDb();
        LocalServices.assumeRabbitMq();
        String database = LocalServices.createMariaDbDatabase();
        Path artifacts = Files.createTempDirectory("bench-artifacts");
        int nodes = Integer.getInteger("nodes", 3);
        try (ClusterNode node1 = new ClusterNode("bench-1", database, artifacts);
                ClusterNode node2 = new ClusterNode("bench-2", database, artifacts);
                ClusterNode node3 = nodes > 2 ? new ClusterNode("bench-3", database, artifacts) : null) {
            while (node1.bean(ClusterMembers.class).live().size() < nodes) {
                Thread.sleep(200);
            }
            ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
            ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
            node2.context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof LatencyProbeEvent probe
                        && probe.getOriginService().equals("bench-1")) {
                    arrivals.put(probe.getSequence(), System.nanoTime() - probe.getSentNanos());
                    sentAt.put(probe.getSequence(), probe.getSentNanos());
                }
            });
            ClusterEventPublisher publisher = node1.bean(ClusterEventPublisher.class);

            long sequence = 0;
            sequence = paced(publisher, sequence, WARMUP, 1000);
            awaitArrivals(arrivals, sequence);
            arrivals.clear();

            long idleStart = allocatedBytes();
            Thread.sleep(MEASURED * 2); // as long as the measured window, without events: what the idle nodes allocate
            long idleBytes = allocatedBytes() - idleStart;
            long measuredStart = allocatedBytes();
            sequence = paced(publisher, sequence, MEASURED, 500);
            awaitArrivals(arrivals, MEASURED);
            long measuredBytes = allocatedBytes() - measuredStart;
            System.out.printf(
                    "RESULT allocated by the JVM (all nodes) in 6 s: idle %.1f MB, with 500 events/s %.1f MB = %.0f bytes per event%n",
                    idleBytes / 1e6, measuredBytes / 1e6, (double) (measuredBytes - idleBytes) / MEASURED);
            long[] micros =
                    arrivals.values().stream().mapToLong(n -> n / 1000).sorted().toArray();
            System.out.printf(
                    "RESULT one-way latency over %d events (%d nodes, node1 -> node2): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    micros.length, nodes, pct(micros, 50), pct(micros, 99), micros[micros.length - 1] / 1000.0);
            printSlowest(arrivals, sentAt, micros);
            Timer publishDelay = node1.bean(MeterRegistry.class)
                    .get("hawkbit.events.publish.delay")
                    .timer();
            System.out.printf(
                    "RESULT node1 publish delay (queue + hand-over to the broker, since start): mean %.2f ms, max %.2f ms%n",
                    publishDelay.mean(TimeUnit.MILLISECONDS), publishDelay.max(TimeUnit.MILLISECONDS));

            arrivals.clear();

            sequence = paced(publisher, sequence, PACED_COUNT, PACED_RATE);
            int pacedArrived = awaitArrivals(arrivals, PACED_COUNT);
            System.out.printf(
                    "RESULT paced %d events/s: sent %d, received %d, lost %d%n",
                    PACED_RATE, PACED_COUNT, pacedArrived, PACED_COUNT - pacedArrived);

            arrivals.clear();
            long burstStart = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                publisher.publish(new LatencyProbeEvent(System.nanoTime(), sequence++, publisher.origin()));
            }
            int burstArrived = awaitArrivals(arrivals, BURST);
            double seconds = (System.nanoTime() - burstStart) / 1e9;
            System.out.printf(
                    "RESULT burst of %d events: all delivered to node2 in %.2f s = %.0f events/s, lost %d%n",
                    BURST, seconds, burstArrived / seconds, BURST - burstArrived);
            System.out.printf(
                    "RESULT failed or dropped sends on node1: %.0f%n",
                    node1.counter("hawkbit.events.failed", "type", "LatencyProbeEvent", "stage", "broker")
                            + node1.counter(
                                    "hawkbit.events.failed", "type", "LatencyProbeEvent", "stage", "queue-full"));
        } finally {
            LocalServices.dropMariaDbDatabase(database);
        }
    }

    /**
     * The slowest events with their send time as JVM uptime, to be laid next to a GC log written with
     * {@code -Xlog:gc:file=...:uptime} (the benchmark's JVM holds all nodes, so a pause there delays them all).
     */
    private static void printSlowest(Map<Long, Long> arrivals, Map<Long, Long> sentAt, long[] sortedMicros) {
        long p99 = (long) (pct(sortedMicros, 99) * 1000);
        long nanosAtStart = System.nanoTime()
                - TimeUnit.MILLISECONDS.toNanos(
                        ManagementFactory.getRuntimeMXBean().getUptime());
        arrivals.entrySet().stream()
                .filter(e -> e.getValue() / 1000 >= p99)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(
                        "SLOW sent at uptime %.3f s, latency %.2f ms%n",
                        (sentAt.get(e.getKey()) - nanosAtStart) / 1e9, e.getValue() / 1e6));
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
                .filter(bytes -> bytes > 0)
                .sum();
    }

    private static long paced(ClusterEventPublisher publisher, long sequence, int count, int perSecond) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (System.nanoTime() < next) {
                LockSupport.parkNanos(Math.max(1000, next - System.nanoTime()));
            }
            publisher.publish(new LatencyProbeEvent(System.nanoTime(), sequence++, publisher.origin()));
            next += interval;
        }
        return sequence;
    }

    /** Waits until the expected number arrived or arrivals stop for 5 s; returns how many arrived. */
    private static int awaitArrivals(ConcurrentHashMap<Long, Long> arrivals, long expected)
            throws InterruptedException {
        int last = -1;
        long lastChange = System.nanoTime();
        while (arrivals.size() < expected && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(5)) {
            if (arrivals.size() != last) {
                last = arrivals.size();
                lastChange = System.nanoTime();
            }
            Thread.sleep(10);
        }
        return arrivals.size();
    }

    private static double pct(long[] sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }
}
