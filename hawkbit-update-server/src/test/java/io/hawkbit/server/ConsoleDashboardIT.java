package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard's polls per minute on a single node without a broker: every DDI base poll counts (a 304 too), the
 * figure is the node's own, and only a system admin sees it, as the cluster page's node table. A context of its own,
 * so no other test's devices poll it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hawkbit.security.users.root.password=r",
            "hawkbit.security.users.root.roles=ADMIN,SYSTEM_ADMIN",
            "hawkbit.security.users.operator.password=o",
            "hawkbit.security.users.operator.roles=ADMIN"
        })
@ActiveProfiles("test")
class ConsoleDashboardIT {

    private static final Pattern POLLS = Pattern.compile("id=\"count-polls\">(\\d+)<");
    private static final Pattern POLLED = Pattern.compile("id=\"count-polled\">(\\d+)<");

    @LocalServerPort
    int port;

    @Test
    void dashboard_showsEveryDdiPollOfTheLastMinute_toSystemAdminsOnly() {
        ApiClient api = new ApiClient(port).as("root", "r");
        Fixture fixture = new Fixture(api);
        ConsoleSession root = new ConsoleSession(api);
        root.signIn("root", "r");
        assertThat(figure(POLLS, root.get("/ui").text())).isZero();

        Map<String, String> first = Map.of("Authorization", "TargetToken " + fixture.target("dash-poll-1"));
        Map<String, String> second = Map.of("Authorization", "TargetToken " + fixture.target("dash-poll-2"));
        String etag = null;
        for (int i = 0; i < 4; i++) {
            ApiClient.Response poll = api.send("GET", "/DEFAULT/controller/v1/dash-poll-1", (byte[]) null, first);
            assertThat(poll.status()).isEqualTo(200);
            etag = poll.header("ETag");
        }
        assertThat(api.send("GET", "/DEFAULT/controller/v1/dash-poll-2", (byte[]) null, second)
                        .status())
                .isEqualTo(200);
        // A device that sends the ETag back gets 304: a poll all the same.
        Map<String, String> conditional = Map.of("Authorization", first.get("Authorization"), "If-None-Match", etag);
        assertThat(api.send("GET", "/DEFAULT/controller/v1/dash-poll-1", (byte[]) null, conditional)
                        .status())
                .isEqualTo(304);
        // A refused poll never reached the server's answer: not counted.
        assertThat(api.send(
                                "GET",
                                "/DEFAULT/controller/v1/dash-poll-1",
                                (byte[]) null,
                                Map.of("Authorization", "TargetToken wrong"))
                        .status())
                .isEqualTo(401);

        String page = root.get("/ui").text();
        assertThat(figure(POLLS, page)).isEqualTo(6);
        assertThat(page).contains("polls per minute").contains("on 1 node");
        // The other tile counts devices, each once, from their last poll as written to the database.
        assertThat(page).contains("devices polled in the last minute");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(figure(POLLED, root.get("/ui").text())).isEqualTo(2));

        ConsoleSession operator = new ConsoleSession(new ApiClient(port));
        operator.signIn("operator", "o");
        String operatorPage = operator.get("/ui").text();
        assertThat(operatorPage).contains("id=\"count-polled\"").doesNotContain("count-polls");
    }

    private static long figure(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as(pattern + " in " + page).isTrue();
        return Long.parseLong(m.group(1));
    }
}
