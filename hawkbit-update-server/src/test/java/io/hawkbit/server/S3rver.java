package io.hawkbit.server;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * npm's {@code s3rver}, a real S3-compatible server (it speaks the S3 REST protocol over HTTP and keeps objects on
 * disk), started as a process on a free port for tests of the S3 artifact store. Found through {@code $S3RVER}, the
 * {@code PATH} or {@code ~/.cache/hawkbit-test/s3rver} (where {@code .ci/run} installs it); without it the tests are
 * skipped with the reason, unless {@code $S3RVER} names it (CI), then they fail.
 */
final class S3rver implements AutoCloseable {

    static final String BUCKET = "hawkbit-artifacts";
    static final String KEY = "S3RVER";

    private final Process process;
    private final Path directory;
    private final int port;

    private S3rver(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    static S3rver start() {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            String reason = "s3rver is not installed (npm install --prefix ~/.cache/hawkbit-test/s3rver s3rver@3.7.1, "
                    + "or run .ci/run): the S3 artifact store tests are SKIPPED";
            System.err.println("WARNING: " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        try {
            Path directory = Files.createTempDirectory("s3rver-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(
                            executable.get().toString(),
                            "-d",
                            directory.toString(),
                            "-a",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(port),
                            "--no-vhost-buckets",
                            "--configure-bucket",
                            BUCKET)
                    .redirectErrorStream(true)
                    .redirectOutput(directory
                            .resolveSibling(directory.getFileName() + ".log")
                            .toFile())
                    .start();
            S3rver server = new S3rver(process, directory, port);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Starting s3rver failed", e);
        }
    }

    private static Optional<Path> executable() {
        String configured = System.getenv("S3RVER");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("$S3RVER names " + configured + ", which is not executable");
            }
            return Optional.of(path);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "s3rver"));
        Stream<Path> cached = Stream.of(Path.of(
                System.getProperty("user.home"), ".cache", "hawkbit-test", "s3rver", "node_modules", ".bin", "s3rver"));
        return Stream.concat(onPath, cached).filter(Files::isExecutable).findFirst();
    }

    private void awaitPort() {
        Awaitility.await("s3rver listening on " + port)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("s3rver ended with " + process.exitValue());
                    }
                    try (Socket ignored = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The properties of a server node storing its artifacts here. */
    List<String> properties() {
        return List.of(
                "hawkbit.artifact.storage.type=s3",
                "hawkbit.artifact.storage.s3.bucket=" + BUCKET,
                "hawkbit.artifact.storage.s3.endpoint=" + endpoint(),
                "hawkbit.artifact.storage.s3.path-style=true",
                "hawkbit.artifact.storage.s3.access-key=" + KEY,
                "hawkbit.artifact.storage.s3.secret-key=" + KEY);
    }

    /** Points a test's server at this bucket. */
    void register(DynamicPropertyRegistry registry) {
        for (String property : properties()) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    /** A client to look into the bucket behind the server's back. */
    S3Client client() {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
