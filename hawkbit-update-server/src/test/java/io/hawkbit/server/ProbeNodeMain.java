package io.hawkbit.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A receiving node of {@link EventLatencyBenchmark} in a JVM of its own, as a deployed node runs: connected to RabbitMQ
 * directly, recording the probes one sender publishes. Arguments: node id, database URL, artifact directory, the
 * sender's node id. It answers {@code ready PORT} once started; then commands on stdin, one per line ({@code count},
 * {@code alloc}, {@code rss}, {@code drain FILE}, {@code exit}); each answer is one stdout line starting with
 * {@value #ANSWER}, among the node's own log lines.
 */
final class ProbeNodeMain {

    static final String ANSWER = "PROBE ";

    private ProbeNodeMain() {}

    public static void main(String[] args) throws Exception {
        try (ClusterNode node =
                ClusterNode.direct(args[0], args[1], Path.of(args[2])).ignoringEvents()) {
            ProbeArrivals arrivals = new ProbeArrivals(args[3]);
            node.context.addApplicationListener(arrivals);
            answer("ready "
                    + ((WebServerApplicationContext) node.context)
                            .getWebServer()
                            .getPort());
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("exit"); line = commands.readLine()) {
                String[] command = line.split(" ", 2);
                switch (command[0]) {
                    case "count" -> answer(arrivals.size());
                    case "alloc" -> answer(ProbeArrivals.allocatedBytes());
                    case "rss" -> answer(residentKilobytes());
                    case "drain" -> {
                        ProbeArrivals.write(arrivals.drain(), Path.of(command[1]));
                        answer("drained");
                    }
                    default -> answer("unknown command " + line);
                }
            }
        }
        // The context's non-daemon threads (the broker's, the database pool's) would keep the JVM up.
        System.exit(0);
    }

    /** VmRSS of this process, in kB. */
    private static long residentKilobytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(-1);
    }

    private static void answer(Object value) {
        System.out.println(ANSWER + value);
        System.out.flush();
    }
}
