package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The caps on open event streams, per user and per node, over real HTTP: past them 429 with hawkBit's JSON body. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.admin.password=admin",
            "hawkbit.security.users.viewer.password=viewer",
            "hawkbit.security.users.viewer.roles=READ",
            "hawkbit.event-stream.max-per-user=2",
            "hawkbit.event-stream.max-per-node=3"
        })
@ActiveProfiles("test")
class EventStreamLimitsIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final List<Socket> streams = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : streams) {
            socket.close();
        }
    }

    @Test
    void streamsPastThePerUserOrPerNodeCap_get429WithJson_andAClosedStreamFreesItsSlot() throws IOException {
        ApiClient api = new ApiClient(port);
        Socket first = open("viewer", "viewer");
        open("viewer", "viewer");
        awaitSubscribers(2);

        ApiClient.Response perUser = subscribe(api, "viewer", "viewer");
        assertThat(perUser.status()).isEqualTo(429);
        assertThat(perUser.header("Retry-After")).isEqualTo("10");
        assertThat(perUser.header("Content-Type")).startsWith("application/json");
        assertThat(perUser.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.tooManyRequests");
        assertThat(perUser.json().get("exceptionClass").asString()).endsWith("StreamLimitException");
        assertThat(perUser.json().get("message").asString()).contains("per user");

        open("admin", "admin");
        awaitSubscribers(3);
        ApiClient.Response perNode = subscribe(api, "admin", "admin");
        assertThat(perNode.status()).isEqualTo(429);
        assertThat(perNode.json().get("message").asString()).contains("on this node");
        assertThat(meters.get("hawkbit.events.stream.rejected")
                        .tag("limit", "user")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("hawkbit.events.stream.rejected")
                        .tag("limit", "node")
                        .counter()
                        .count())
                .isEqualTo(1);

        // The server learns that a client left when a send to it fails: changes make events until one does.
        first.close();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    new Fixture(api).target("limits-" + System.nanoTime());
                    assertThat(subscribers()).isEqualTo(2);
                });
        open("viewer", "viewer");
        awaitSubscribers(3);
        assertThat(meters.get("hawkbit.events.stream.rejected")
                        .tag("limit", "user")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private void awaitSubscribers(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers() == count);
    }

    private double subscribers() {
        return meters.get("hawkbit.events.stream.subscribers").gauge().value();
    }

    private ApiClient.Response subscribe(ApiClient api, String user, String password) {
        return api.send(
                "GET",
                "/rest/v1/events",
                (byte[]) null,
                Map.of("Authorization", ApiClient.basic(user, password), "Accept", "text/event-stream"));
    }

    /** Opens a stream the caller keeps open (the response starts with the first event, so nothing is read here). */
    private Socket open(String user, String password) throws IOException {
        Socket socket = new Socket("localhost", port);
        streams.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /rest/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + ApiClient.basic(user, password) + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }
}
