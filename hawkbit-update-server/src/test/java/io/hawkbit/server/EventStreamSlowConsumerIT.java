package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Finding H2: READ users open {@code /rest/v1/events} on sockets with a tiny receive buffer and never read. Writes of
 * the same tenant (target creates, DDI feedback) must still finish at once, the stalled streams must be dropped, and
 * a subscriber that reads must still get every event. Tomcat's send buffer is made small too, so a hundred events
 * fill both buffers (on loopback the kernel would otherwise grow them to megabytes); Tomcat's write timeout
 * stays at its default of 60 s, which is what each blocked send cost before the fix.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.viewer.password=viewer",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.event-stream.queue-capacity=100",
            "hawkbit.event-stream.send-timeout=2s"
        })
@ActiveProfiles("test")
class EventStreamSlowConsumerIT {

    private static final Pattern CREATED =
            Pattern.compile("\"type\":\"TargetCreatedEvent\".*\"controllerId\":\"([^\"]+)\"");

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @TestConfiguration
    static class SmallSendBuffers {

        @Bean
        TomcatConnectorCustomizer smallSendBuffer() {
            return connector -> connector.setProperty("socket.txBufSize", "4096");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final List<Socket> stalled = new ArrayList<>();
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeStreams() throws IOException {
        writers.shutdownNow();
        for (Socket socket : stalled) {
            socket.close();
        }
    }

    @Test
    void stalledStreams_delayNoWrite_areDropped_andAReadingSubscriberGetsEveryEvent() throws Exception {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        String token = fixture.target("feedback-device");
        long action = fixture.assign("feedback-device", fixture.completeSet("stall"), "forced");

        Set<String> seen = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> reader = readingSubscriber(seen);
        for (int i = 0; i < 3; i++) {
            stalled.add(stalledSubscriber("viewer", "viewer"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("hawkbit.events.stream.subscribers") == 4);

        // 12 batches of 25 creates: 300 events of about 330 bytes, several times what the buffers and a queue hold.
        List<String> ids = IntStream.range(0, 300)
                .mapToObj(i -> "stalled-stream-device-" + "x".repeat(60) + i)
                .toList();
        long start = System.nanoTime();
        List<CompletableFuture<Long>> writes = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            List<String> slice = ids.subList(batch * 25, batch * 25 + 25);
            writes.add(timed(() -> api.mgmt("POST", "/rest/v1/targets", json(slice)), 201));
            if (batch % 4 == 3) {
                writes.add(timed(
                        () -> api.send(
                                "POST",
                                "/DEFAULT/controller/v1/feedback-device/deploymentBase/" + action + "/feedback",
                                "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\"}}}",
                                Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json")),
                        200));
            }
        }
        // Before the fix the first send into a full buffer held its committing thread for Tomcat's 60 s write timeout
        // (per stalled stream). Half of that leaves room for a 2-core machine under load, where one create of 25
        // took up to 2 s (all 15 writes: 2.6 s at load 5, 9.8 s at load 15).
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.stream().allMatch(CompletableFuture::isDone));
        System.out.printf(
                "%d writes with 3 stalled streams: all done after %d ms, slowest %d ms%n",
                writes.size(),
                (System.nanoTime() - start) / 1_000_000,
                writes.stream().mapToLong(CompletableFuture::join).max().orElse(0));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(counter("hawkbit.events.stream.dropped"))
                    .as("every stalled stream dropped")
                    .isEqualTo(3);
            assertThat(gauge("hawkbit.events.stream.subscribers"))
                    .as("the reading one stays")
                    .isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(seen).containsAll(ids));
        assertThat(reader).isNotDone();
    }

    /** Runs a write on the writer pool; completes with its duration in milliseconds once it got the expected status. */
    private CompletableFuture<Long> timed(Supplier<ApiClient.Response> write, int expectedStatus) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long start = System.nanoTime();
                    ApiClient.Response response = write.get();
                    assertThat(response.status()).as(response.text()).isEqualTo(expectedStatus);
                    return (System.nanoTime() - start) / 1_000_000;
                },
                writers);
    }

    private CompletableFuture<Void> readingSubscriber(Set<String> seen) {
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/rest/v1/events"))
                .header("Authorization", ApiClient.basic("admin", "admin"))
                .header("Accept", "text/event-stream")
                .build();
        return HttpClient.newHttpClient()
                .sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> {
                    Matcher created = CREATED.matcher(line);
                    if (line.startsWith("data:") && created.find()) {
                        seen.add(created.group(1));
                    }
                }));
    }

    /** Subscribes as a client whose receive buffer is tiny and who never reads a byte. */
    private Socket stalledSubscriber(String user, String password) throws IOException {
        Socket socket = new Socket();
        socket.setOption(StandardSocketOptions.SO_RCVBUF, 1024);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /rest/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + ApiClient.basic(user, password) + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private static String json(List<String> controllerIds) {
        return controllerIds.stream()
                .map(id -> "{\"controllerId\":\"" + id + "\"}")
                .reduce((a, b) -> a + "," + b)
                .map(items -> "[" + items + "]")
                .orElse("[]");
    }

    private double gauge(String name) {
        Search search = meters.find(name);
        return search.gauge() == null ? -1 : search.gauge().value();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
