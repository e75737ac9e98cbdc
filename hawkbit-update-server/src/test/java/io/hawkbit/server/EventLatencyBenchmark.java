package io.hawkbit.server;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.LatencyProbeEvent;
import io.hawkbit.server.ProbeArrivals.Arrival;
import io.hawkbit.server.cluster.ClusterMembers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Event latency and throughput across nodes on the local RabbitMQ (run by benchmarks/event-latency.sh; not part of
 * the test suite). Node 1 publishes from the benchmark's JVM; nodes 2 and 3 ({@code -Dnodes=2|3}) receive, each in a
 * JVM of its own connected to RabbitMQ directly, as deployed ({@link ProbeNodeMain}), or with {@code
 * -Djvms=shared} all in the benchmark's JVM behind the tests' TCP proxies (the method of the runs before session 20).
 * One-way times compare {@code System.nanoTime()} across the JVMs: on Linux it is the machine's monotonic clock.
 */
class EventLatencyBenchmark {

    /**
     * Seconds of warm-up at the measured rate: JVMs of their own each compile their start's and the event path's code
     * after the start (3,000 events at 1,000/s were enough while one JVM held all nodes).
     */
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup", 30);

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
        boolean shared = "shared".equals(System.getProperty("jvms"));
        List<Receiver> receivers = new ArrayList<>();
        try (ClusterNode node1 = (shared
                        ? new ClusterNode("bench-1", database, artifacts)
                        : ClusterNode.direct("bench-1", database, artifacts))
                .ignoringEvents()) {
            for (int i = 2; i <= nodes; i++) {
                receivers.add(
                        shared
                                ? new SharedJvmReceiver(
                                        new ClusterNode("bench-" + i, database, artifacts).ignoringEvents(), "bench-1")
                                : new NodeProcess("bench-" + i, database, artifacts, "bench-1"));
            }
            while (node1.bean(ClusterMembers.class).live().size() < nodes) {
                Thread.sleep(200);
            }
            System.out.printf(
                    "RESULT %d nodes, %s%n",
                    nodes,
                    shared ? "all in one JVM behind TCP proxies" : "each in a JVM of its own, connected directly");
            Receiver node2 = receivers.get(0);
            ClusterEventPublisher publisher = node1.bean(ClusterEventPublisher.class);

            long sequence = 0;
            sequence = paced(publisher, sequence, WARMUP_SECONDS * 500, 500);
            for (Receiver receiver : receivers) {
                awaitArrivals(receiver::count, sequence);
                receiver.drain();
            }

            long idleStart = allocatedBytes(receivers);
            Thread.sleep(MEASURED * 2); // as long as the measured window, without events: what the idle nodes allocate
            long idleBytes = allocatedBytes(receivers) - idleStart;
            long measuredStart = allocatedBytes(receivers);
            sequence = paced(publisher, sequence, MEASURED, 500);
            for (Receiver receiver : receivers) {
                awaitArrivals(receiver::count, MEASURED);
            }
            long measuredBytes = allocatedBytes(receivers) - measuredStart;
            if (!shared) {
                System.out.printf(
                        "RESULT RSS of the receiving nodes after the measured events: %s MB%n",
                        receivers.stream()
                                .map(r -> String.valueOf(((NodeProcess) r).residentMegabytes()))
                                .toList());
            }
            System.out.printf(
                    "RESULT allocated by all nodes in 6 s: idle %.1f MB, with 500 events/s %.1f MB = %.0f bytes per event%n",
                    idleBytes / 1e6, measuredBytes / 1e6, (double) (measuredBytes - idleBytes) / MEASURED);
            for (int i = 0; i < receivers.size(); i++) {
                Map<Long, Arrival> arrivals = receivers.get(i).drain();
                long[] micros = arrivals.values().stream()
                        .mapToLong(a -> a.latencyNanos() / 1000)
                        .sorted()
                        .toArray();
                System.out.printf(
                        "RESULT one-way latency over %d events (%d nodes, node1 -> node%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        micros.length,
                        nodes,
                        i + 2,
                        pct(micros, 50),
                        pct(micros, 99),
                        micros[micros.length - 1] / 1000.0);
                if (i == 0) {
                    printSlowest(arrivals, micros);
                }
            }
            Timer publishDelay = node1.bean(MeterRegistry.class)
                    .get("hawkbit.events.publish.delay")
                    .timer();
            System.out.printf(
                    "RESULT node1 publish delay (queue + hand-over to the broker, since start): mean %.2f ms, max %.2f ms%n",
                    publishDelay.mean(TimeUnit.MILLISECONDS), publishDelay.max(TimeUnit.MILLISECONDS));

            sequence = paced(publisher, sequence, PACED_COUNT, PACED_RATE);
            int pacedArrived = awaitArrivals(node2::count, PACED_COUNT);
            System.out.printf(
                    "RESULT paced %d events/s: sent %d, received %d, lost %d%n",
                    PACED_RATE, PACED_COUNT, pacedArrived, PACED_COUNT - pacedArrived);
            for (Receiver receiver : receivers) {
                awaitArrivals(receiver::count, PACED_COUNT);
                receiver.drain();
            }

            long burstStart = System.nanoTime();
            for (int i = 0; i < BURST; i++) {
                publisher.publish(new LatencyProbeEvent(System.nanoTime(), sequence++, publisher.origin()));
            }
            int burstArrived = awaitArrivals(node2::count, BURST);
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
            for (Receiver receiver : receivers) {
                receiver.close();
            }
            LocalServices.dropMariaDbDatabase(database);
        }
    }

    /** A receiving node, asked for what it recorded. */
    interface Receiver extends AutoCloseable {

        int count();

        /** The arrivals recorded since the last drain. */
        Map<Long, Arrival> drain();

        /** Bytes allocated by the node's own JVM; 0 when it shares the benchmark's. */
        long allocatedBytes();

        @Override
        void close() throws IOException;
    }

    private record SharedJvmReceiver(ClusterNode node, ProbeArrivals arrivals) implements Receiver {

        SharedJvmReceiver(ClusterNode node, String sender) {
            this(node, new ProbeArrivals(sender));
            node.context.addApplicationListener(arrivals);
        }

        @Override
        public int count() {
            return arrivals.size();
        }

        @Override
        public Map<Long, Arrival> drain() {
            return arrivals.drain();
        }

        @Override
        public long allocatedBytes() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            node.close();
        }
    }

    /**
     * The slowest events with their send time as the benchmark JVM's uptime, to be laid next to a GC log written with
     * {@code -Xlog:gc:file=...:uptime}, and on the machine's monotonic clock, to be laid next to the stalls that
     * {@code cyclictest --spike} records (benchmarks/event-latency.sh with STALLS=1).
     */
    private static void printSlowest(Map<Long, Arrival> arrivals, long[] sortedMicros) {
        long p99 = (long) (pct(sortedMicros, 99) * 1000);
        long nanosAtStart = System.nanoTime()
                - TimeUnit.MILLISECONDS.toNanos(
                        ManagementFactory.getRuntimeMXBean().getUptime());
        arrivals.entrySet().stream()
                .filter(e -> e.getValue().latencyNanos() / 1000 >= p99)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(
                        "SLOW sent at uptime %.3f s, monotonic %.6f s, latency %.2f ms%n",
                        (e.getValue().sentNanos() - nanosAtStart) / 1e9,
                        e.getValue().sentNanos() / 1e9,
                        e.getValue().latencyNanos() / 1e6));
    }

    private static long allocatedBytes(List<Receiver> receivers) {
        return ProbeArrivals.allocatedBytes()
                + receivers.stream().mapToLong(Receiver::allocatedBytes).sum();
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
    private static int awaitArrivals(IntSupplier arrivals, long expected) throws InterruptedException {
        int last = -1;
        long lastChange = System.nanoTime();
        int count = arrivals.getAsInt();
        while (count < expected && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(5)) {
            if (count != last) {
                last = count;
                lastChange = System.nanoTime();
            }
            Thread.sleep(10);
            count = arrivals.getAsInt();
        }
        return count;
    }

    private static double pct(long[] sortedMicros, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }
}
