package io.hawkbit.server;

import io.hawkbit.repository.event.LatencyProbeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The {@link LatencyProbeEvent}s one node received from one sender: per sequence number, the one-way latency (receipt
 * minus send, both {@code System.nanoTime()}, which on Linux is the machine's monotonic clock, so it compares across
 * JVMs on one machine) and the send time.
 */
final class ProbeArrivals implements ApplicationListener<ApplicationEvent> {

    /** One arrival: latency and send time, in nanoseconds. */
    record Arrival(long latencyNanos, long sentNanos) {}

    private final String sender;
    private final ConcurrentHashMap<Long, Arrival> arrivals = new ConcurrentHashMap<>();

    ProbeArrivals(String sender) {
        this.sender = sender;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof LatencyProbeEvent probe && probe.getOriginService().equals(sender)) {
            arrivals.put(
                    probe.getSequence(), new Arrival(System.nanoTime() - probe.getSentNanos(), probe.getSentNanos()));
        }
    }

    int size() {
        return arrivals.size();
    }

    /** The arrivals so far, removed. */
    Map<Long, Arrival> drain() {
        Map<Long, Arrival> drained = new HashMap<>();
        arrivals.keySet().forEach(sequence -> drained.put(sequence, arrivals.remove(sequence)));
        return drained;
    }

    static void write(Map<Long, Arrival> arrivals, Path file) {
        try {
            Files.write(
                    file,
                    arrivals.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().latencyNanos() + " "
                                    + e.getValue().sentNanos())
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<Long, Arrival> read(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.map(line -> line.split(" "))
                    .collect(Collectors.toMap(
                            f -> Long.parseLong(f[0]), f -> new Arrival(Long.parseLong(f[1]), Long.parseLong(f[2]))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What all threads of this JVM allocated so far, in bytes. */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
                .filter(bytes -> bytes > 0)
                .sum();
    }
}
