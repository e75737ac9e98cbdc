package io.hawkbit.server;

import io.hawkbit.server.ProbeArrivals.Arrival;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's cluster node in a JVM of its own ({@link ProbeNodeMain}), connected to RabbitMQ directly as a deployed
 * node is, recording the {@code LatencyProbeEvent}s of one sender. Started with the test class path and the JVM
 * options in {@code NODE_JAVA_OPTS} (say {@code -Xlog:gc:file=/tmp/gc-%p.log:uptime}); its log goes to
 * {@code target/<id>.log}.
 */
final class NodeProcess implements EventLatencyBenchmark.Receiver {

    private static final long ANSWER_SECONDS = 120;

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path drainFile;
    private final int port;

    NodeProcess(String id, String database, Path artifacts, String sender) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("NODE_JAVA_OPTS", "");
        if (!options.isBlank()) {
            command.addAll(Arrays.asList(options.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ProbeNodeMain.class.getName(),
                id,
                database,
                artifacts.toString(),
                sender));
        Path log = Path.of("target", id + ".log");
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.drainFile = Files.createTempFile(id, ".arrivals");
        Thread reader = new Thread(() -> readOutput(log), id + "-output");
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = answer();
        } catch (IllegalStateException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!ready.startsWith("ready ")) {
            process.destroyForcibly();
            throw new IllegalStateException(id + " did not start: " + ready + ", see " + log.toAbsolutePath());
        }
        this.port = Integer.parseInt(ready.substring("ready ".length()));
    }

    private void readOutput(Path log) {
        try (BufferedReader output =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(ProbeNodeMain.ANSWER)) {
                    answers.add(line.substring(ProbeNodeMain.ANSWER.length()));
                } else {
                    logWriter.println(line);
                }
            }
        } catch (IOException e) {
            answers.add("output lost: " + e);
        }
        answers.add("process ended");
    }

    private String ask(String command) {
        commands.println(command);
        return answer();
    }

    private String answer() {
        try {
            String answer = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("no answer within " + ANSWER_SECONDS + " s");
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The node's HTTP port. */
    int port() {
        return port;
    }

    /** How many probes it recorded since the last drain. */
    @Override
    public int count() {
        return Integer.parseInt(ask("count"));
    }

    @Override
    public Map<Long, Arrival> drain() {
        String answer = ask("drain " + drainFile);
        if (!"drained".equals(answer)) {
            throw new IllegalStateException(answer);
        }
        return ProbeArrivals.read(drainFile);
    }

    /** Its resident set, in MB. */
    long residentMegabytes() {
        return Long.parseLong(ask("rss")) / 1024;
    }

    /** What its JVM allocated so far. */
    @Override
    public long allocatedBytes() {
        return Long.parseLong(ask("alloc"));
    }

    @Override
    public void close() {
        commands.println("exit");
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(drainFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
