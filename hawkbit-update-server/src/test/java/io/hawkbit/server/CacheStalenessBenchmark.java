package io.hawkbit.server;

import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-node staleness (run by benchmarks/cache-staleness.sh; not part of the test suite): after a write through node 1
 * has returned, how long until node 2's DDI poll answers with the new value. Node 2 has no TTL, so only cluster events
 * can bring the change. Node 2's polls are warmed up first ({@code -Dwarmup} seconds, 30). Node 2 runs in a JVM of its
 * own ({@link NodeProcess}), both connected to RabbitMQ directly, as deployed; {@code -Djvms=shared} runs both in the
 * benchmark's JVM behind the tests' TCP proxies (the method before session 20).
 */
class CacheStalenessBenchmark {

    private static final int WARMUP = 50;
    private static final int MEASURED = 300;

    @Test
    void measure() throws Exception {
        LocalServices.assumeMariaDb();
        LocalServices.assumeRabbitMq();
        String database = LocalServices.createMariaDbDatabase();
        Path artifacts = Files.createTempDirectory("staleness-artifacts");
        boolean shared = "shared".equals(System.getProperty("jvms"));
        try (ClusterNode node1 = (shared
                                ? new ClusterNode("stale-1", database, artifacts)
                                : ClusterNode.direct("stale-1", database, artifacts))
                        .ignoringEvents();
                AutoCloseable node2 = shared
                        ? new ClusterNode("stale-2", database, artifacts).ignoringEvents()
                        : new NodeProcess("stale-2", database, artifacts, "stale-1")) {
            ApiClient node2Api =
                    node2 instanceof ClusterNode node ? node.api : new ApiClient(((NodeProcess) node2).port());
            while (node1.bean(ClusterMembers.class).live().size() < 2) {
                Thread.sleep(200);
            }
            System.out.printf(
                    "RESULT 2 nodes, %s%n",
                    shared ? "both in one JVM behind TCP proxies" : "each in a JVM of its own, connected directly");
            String token = new Fixture(node1.api).target("stale-device");
            Map<String, String> auth = Map.of("Authorization", "TargetToken " + token);
            // A deployed node answers polls all day, compiled: without this the figure was an interpreted poll's time.
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("warmup", 30));
            while (System.nanoTime() < warmUntil) {
                node2Api.send("GET", "/DEFAULT/controller/v1/stale-device", (byte[]) null, auth);
            }
            // {written, took}: when the write returned and how long node 2 took to answer with it, in nanoseconds
            List<long[]> writes = new ArrayList<>();
            long polls = 0;
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                String value = String.format("00:%02d:%02d", 1 + (i % 50), i % 60);
                ApiClient.Response set =
                        node1.api.mgmt("PUT", "/rest/v1/system/configs/pollingTime", "{\"value\":\"" + value + "\"}");
                if (set.status() != 200) {
                    throw new IllegalStateException(set.text());
                }
                long written = System.nanoTime();
                int pollsThisWrite = 0;
                while (!node2Api.send("GET", "/DEFAULT/controller/v1/stale-device", (byte[]) null, auth)
                        .json()
                        .at("/config/polling/sleep")
                        .asString()
                        .equals(value)) {
                    pollsThisWrite++;
                    if (System.nanoTime() - written > 30_000_000_000L) {
                        throw new IllegalStateException("node 2 never saw " + value);
                    }
                }
                if (i >= WARMUP) {
                    writes.add(new long[] {written, System.nanoTime() - written});
                    polls += pollsThisWrite + 1;
                }
            }
            writes.sort(Comparator.comparingLong(write -> write[1]));
            List<Long> micros = writes.stream().map(write -> write[1] / 1000).toList();
            long pollNanos = writes.stream().mapToLong(write -> write[1]).sum();
            // The write's time on the machine's monotonic clock (System.nanoTime() on Linux), to be laid next to the
            // stalls cyclictest records (benchmarks/cache-staleness.sh with STALLS=1).
            for (long[] write : writes.subList(Math.max(0, writes.size() - 10), writes.size())) {
                System.out.printf("SLOW write at monotonic %.6f s, latency %.2f ms%n", write[0] / 1e9, write[1] / 1e6);
            }
            System.out.printf(
                    "RESULT staleness after a write on node 1 until node 2 answers with it, over %d writes: "
                            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    micros.size(), pct(micros, 50), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
            // The figure includes the poll that was under way when the change arrived.
            System.out.printf(
                    "RESULT node 2 polls per write %.1f, mean time per poll %.2f ms%n",
                    (double) polls / micros.size(), pollNanos / 1e6 / polls);
        } finally {
            LocalServices.dropMariaDbDatabase(database);
        }
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
