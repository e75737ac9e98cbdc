package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Devices of a rollout test: created through the Management API, then answering over DDI like real devices. */
final class RolloutDevices {

    private static final Pattern ACTION = Pattern.compile("/deploymentBase/(\\d+)");

    private final Map<String, String> tokens = new HashMap<>();

    void create(Fixture fixture, String controllerId) {
        tokens.put(controllerId, fixture.target(controllerId));
    }

    /** The action the device's poll offers in deploymentBase, or null when it has nothing to do. */
    Long offeredAction(ApiClient api, String controllerId) {
        ApiClient.Response poll =
                api.send("GET", "/DEFAULT/controller/v1/" + controllerId, (byte[]) null, auth(controllerId));
        assertThat(poll.status()).as(poll.text()).isEqualTo(200);
        JsonNode links = poll.json().get("_links");
        if (links == null || !links.has("deploymentBase")) {
            return null;
        }
        Matcher matcher = ACTION.matcher(links.get("deploymentBase").get("href").asString());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Polls until a deployment is offered, as a device does, then reports it closed with {@code result} (success or failure). */
    void finish(ApiClient api, String controllerId, String result) {
        Long action = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> offeredAction(api, controllerId), Objects::nonNull);
        report(api, controllerId, action, result);
    }

    void report(ApiClient api, String controllerId, long action, String result) {
        ApiClient.Response feedback = api.send(
                "POST",
                "/DEFAULT/controller/v1/" + controllerId + "/deploymentBase/" + action + "/feedback",
                "{\"id\":" + action + ",\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"" + result
                        + "\"}}}",
                Map.of("Authorization", "TargetToken " + tokens.get(controllerId), "Content-Type", "application/json"));
        assertThat(feedback.status()).as(feedback.text()).isEqualTo(200);
    }

    private Map<String, String> auth(String controllerId) {
        return Map.of("Authorization", "TargetToken " + tokens.get(controllerId));
    }
}
