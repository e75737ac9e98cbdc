package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint, fed garbage: each answer is a 4xx with hawkBit's error body, never a 5xx, nothing half-written, and no
 * ERROR logged. {@link #generatedRequests_areRefusedWithoutHarm()} draws thousands of malformed requests from a seed
 * ({@code -Dfuzz.seed=...}, {@code -Dfuzz.requests=...} to vary it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MalformedRequestsIT {

    /** Holds the artifact store and nothing else: whatever else appears here was written outside the store. */
    @TempDir
    static Path root;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add(
                "hawkbit.artifact.storage.path", () -> root.resolve("store").toString());
    }

    @LocalServerPort
    int port;

    private static final String[] GARBAGE = {
        "{",
        "[{\"name\":",
        "\"text\"",
        "42",
        "[1,2]",
        "{\"id\":\"x\"}",
        "null",
        "[{\"name\":null}]",
        "[{\"controllerId\":\"" + "x".repeat(300) + "\"}]",
        "{\"value\":{\"deep\":[1]}}",
        "[{\"id\":-1}]",
        "{\"id\":9999999,\"type\":\"sometimes\"}",
        "[{\"name\":\"\",\"version\":\"v\",\"type\":\"nope\"}]"
    };

    @Test
    void garbage_neverCauses5xx() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        String token = fixture.target("victim");
        long module = fixture.module("mod", "1", "os");
        fixture.artifact(module, "f.bin", new byte[] {1});
        long set = fixture.distributionSet("set", "1", "os", module);
        long action = fixture.assign("victim", set, "forced");
        fixture.target("rollout-victim");
        long rollout = RolloutApiIT.rollout(api, "victim-rollout", "controllerId==rollout-victim", set);

        List<String[]> endpoints = List.of(
                new String[] {"POST", "/rest/v1/targets"},
                new String[] {"PUT", "/rest/v1/targets/victim"},
                new String[] {"POST", "/rest/v1/targets/victim/assignedDS"},
                new String[] {"POST", "/rest/v1/distributionsets"},
                new String[] {"PUT", "/rest/v1/distributionsets/" + set},
                new String[] {"POST", "/rest/v1/distributionsets/" + set + "/assignedSM"},
                new String[] {"POST", "/rest/v1/distributionsets/" + set + "/assignedTargets"},
                new String[] {"POST", "/rest/v1/softwaremodules"},
                new String[] {"PUT", "/rest/v1/softwaremodules/" + module},
                new String[] {"POST", "/rest/v1/softwaremoduletypes"},
                new String[] {"PUT", "/rest/v1/softwaremoduletypes/1"},
                new String[] {"POST", "/rest/v1/distributionsettypes"},
                new String[] {"PUT", "/rest/v1/distributionsettypes/1"},
                new String[] {"POST", "/rest/v1/distributionsettypes/1/mandatorymoduletypes"},
                new String[] {"POST", "/rest/v1/targettags"},
                new String[] {"PUT", "/rest/v1/targettags/1"},
                new String[] {"POST", "/rest/v1/targettags/1/assigned"},
                new String[] {"PUT", "/rest/v1/system/configs/pollingTime"},
                new String[] {"PUT", "/rest/v1/system/configs"},
                new String[] {"POST", "/rest/v1/rollouts"},
                new String[] {"PUT", "/rest/v1/rollouts/" + rollout},
                new String[] {"POST", "/rest/v1/rollouts/" + rollout + "/approve"},
                new String[] {"POST", "/rest/v1/rollouts/" + rollout + "/resume"},
                new String[] {"POST", "/rest/v1/targetfilters"},
                new String[] {"PUT", "/rest/v1/system/configs/no.such.key"},
                new String[] {"POST", "/DEFAULT/controller/v1/victim/deploymentBase/" + action + "/feedback"},
                new String[] {"POST", "/DEFAULT/controller/v1/victim/cancelAction/" + action + "/feedback"},
                new String[] {"PUT", "/DEFAULT/controller/v1/victim/configData"});
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            Map<String, String> headers = endpoint[1].startsWith("/rest")
                    ? Map.of("Authorization", ApiClient.basic("admin", "admin"), "Content-Type", "application/json")
                    : Map.of("Authorization", "TargetToken " + token, "Content-Type", "application/json");
            for (String body : GARBAGE) {
                check(
                        api.send(endpoint[0], endpoint[1], body, headers),
                        endpoint[0] + " " + endpoint[1] + " " + body,
                        failures);
            }
            check(
                    api.send(
                            endpoint[0],
                            endpoint[1],
                            "<xml/>",
                            Map.of("Authorization", headers.get("Authorization"), "Content-Type", "application/xml")),
                    endpoint[0] + " " + endpoint[1] + " xml",
                    failures);
        }
        String[] badGets = {
            "/rest/v1/targets?q=name==",
            "/rest/v1/targets?q=nosuchfield==1",
            "/rest/v1/targets?q=((",
            "/rest/v1/targets?sort=name:UP",
            "/rest/v1/targets?sort=nope:ASC",
            "/rest/v1/targets?limit=abc",
            "/rest/v1/targets?q=lastControllerRequestAt=gt=yesterday",
            "/rest/v1/targets?q=updateStatus==flying",
            "/rest/v1/targets/nobody",
            "/rest/v1/targets/victim/actions/abc",
            "/rest/v1/targets/victim/actions/99999",
            "/rest/v1/distributionsets/abc",
            "/rest/v1/distributionsets/99999",
            "/rest/v1/softwaremodules/99999/artifacts",
            "/rest/v1/softwaremodules/" + module + "/artifacts/99999",
            "/rest/v1/actions/99999",
            "/rest/v1/actions?q=status==x",
            "/rest/v1/system/configs/no.such.key",
            "/rest/v1/targettags/99999",
            "/rest/v1/softwaremoduletypes/99999",
            "/rest/v1/distributionsettypes/99999",
            "/rest/v1/rollouts/abc",
            "/rest/v1/rollouts/99999",
            "/rest/v1/rollouts?q=status==flying",
            "/rest/v1/rollouts?sort=nope:ASC",
            "/rest/v1/rollouts/" + rollout + "/deploygroups/abc",
            "/rest/v1/rollouts/" + rollout + "/deploygroups/99999/targets",
            "/rest/v1/rollouts/99999/deploygroups",
            "/rest/v1/rollouts/" + rollout + "/deploygroups?q=status==later",
            "/rest/v1/nothing/here",
            "/rest/v1//targets",
            "/rest/v1/targets/%2e%2e/x"
        };
        for (String path : badGets) {
            check(api.mgmt("GET", path), "GET " + path, failures);
        }
        String[] badDeletes = {
            "/rest/v1/targets/nobody",
            "/rest/v1/distributionsets/99999",
            "/rest/v1/softwaremodules/99999",
            "/rest/v1/targets/victim/actions/99999",
            "/rest/v1/softwaremodules/" + module + "/artifacts/99999",
            "/rest/v1/targettags/99999",
            "/rest/v1/system/configs/no.such.key",
            "/rest/v1/rollouts/99999"
        };
        for (String path : badDeletes) {
            check(api.mgmt("DELETE", path), "DELETE " + path, failures);
        }
        Map<String, String> device = Map.of("Authorization", "TargetToken " + token);
        String[] badDeviceGets = {
            "/DEFAULT/controller/v1/victim/deploymentBase/abc",
            "/DEFAULT/controller/v1/victim/deploymentBase/99999",
            "/DEFAULT/controller/v1/victim/cancelAction/" + action,
            "/DEFAULT/controller/v1/victim/installedBase/" + action,
            "/DEFAULT/controller/v1/victim/softwaremodules/99999/artifacts",
            "/DEFAULT/controller/v1/victim/softwaremodules/" + module + "/artifacts/missing.bin",
            "/DEFAULT/controller/v1/victim/deploymentBase/" + action + "?actionHistory=x",
            "/DEFAULT/controller/v1/victim/deploymentBase//feedback"
        };
        for (String path : badDeviceGets) {
            check(api.send("GET", path, (byte[]) null, device), "GET " + path, failures);
        }
        check(
                api.send(
                        "GET",
                        "/DEFAULT/controller/v1/victim/softwaremodules/" + module + "/artifacts/f.bin",
                        (byte[]) null,
                        DeviceCycleIT.with(device, "Range", "bytes=zzz")),
                "bad range",
                failures);
        check(api.upload(module, "f.bin", new byte[] {2}, Map.of()), "duplicate artifact", failures);
        check(api.upload(module, "empty.bin", new byte[0], Map.of()), "empty artifact", failures);
        check(api.upload(module, "g.bin", new byte[] {3}, Map.of("sha1sum", "0000")), "wrong sha1", failures);
        check(api.upload(99999, "g.bin", new byte[] {3}, Map.of()), "unknown module", failures);
        assertThat(failures)
                .as("requests answered with a 5xx or without an error body")
                .isEmpty();
    }

    private static void check(ApiClient.Response response, String what, List<String> failures) {
        if (response.status() >= 500) {
            failures.add(what + " -> " + response.status() + " " + response.text());
        } else if (response.status() >= 400
                && response.status() != 405
                && response.status() != 416
                && !response.text().contains("\"errorCode\"")) {
            failures.add(what + " -> " + response.status() + " without error body: " + response.text());
        } else if (response.status() < 400 && what.startsWith("POST /rest")) {
            failures.add(what + " -> accepted with " + response.status());
        }
    }

    @Test
    void batchWithOneInvalidTarget_createsNothing() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response response = api.mgmt(
                "POST",
                "/rest/v1/targets",
                "[{\"controllerId\":\"batch-ok\",\"name\":\"ok\"},{\"controllerId\":\"batch-ok\",\"name\":\"dup\"}]");
        assertThat(response.status()).isEqualTo(409);
        assertThat(api.mgmt("GET", "/rest/v1/targets/batch-ok").status()).isEqualTo(404);
        ApiClient.Response tooLong = api.mgmt(
                "POST",
                "/rest/v1/targets",
                "[{\"controllerId\":\"batch-2\",\"name\":\"ok\"},{\"controllerId\":\"batch-3\",\"name\":\""
                        + "n".repeat(200) + "\"}]");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api.mgmt("GET", "/rest/v1/targets/batch-2").status()).isEqualTo(404);
    }

    @Test
    void generatedRequests_areRefusedWithoutHarm() throws Exception {
        ApiClient api = new ApiClient(port);
        byte[] content = "fuzz artifact".getBytes(StandardCharsets.UTF_8);
        Map<String, String> ids = fuzzFixture(api, content);
        Map<String, String> before = DataSnapshot.take(api, ids);
        long seed = Long.getLong("fuzz.seed", 20261130L);
        int count = Integer.getInteger("fuzz.requests", 2400);
        RequestFuzzer fuzzer = new RequestFuzzer(
                seed,
                EndpointCatalogue.all(),
                ids,
                ApiClient.basic("admin", "admin"),
                "TargetToken " + ids.get("token"));
        RawHttp http = new RawHttp(port, 30_000);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> errors;
        long started = System.nanoTime();
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < count; i++) {
                RequestFuzzer.Request request = fuzzer.next(i);
                try {
                    RawHttp.Answer answer =
                            http.send(request.method(), request.target(), request.headers(), request.body());
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String problem = problem(request, answer);
                    if (problem != null) {
                        failures.add(request.describe() + " -> " + answer.status() + " " + problem + ": "
                                + abbreviate(answer.body()));
                    }
                } catch (IOException e) {
                    failures.add(request.describe() + " -> no answer: " + e);
                }
            }
            errors = logs.errors();
        }
        LoggerFactory.getLogger(MalformedRequestsIT.class)
                .info(
                        "{} generated requests (seed {}) in {} ms, statuses {}",
                        count,
                        seed,
                        (System.nanoTime() - started) / 1_000_000,
                        statuses);
        assertThat(failures).as("seed " + seed + ": requests answered wrongly").isEmpty();
        assertThat(errors)
                .as("seed " + seed + ": ERROR lines logged for clients' mistakes")
                .isEmpty();
        assertThat(DataSnapshot.take(api, ids)).as("data after the run").isEqualTo(before);
        ApiClient.Response download = api.mgmt(
                "GET", "/rest/v1/softwaremodules/" + ids.get("m") + "/artifacts/" + ids.get("art") + "/download");
        assertThat(download.body()).isEqualTo(content);
        assertThat(writtenOutsideStore())
                .as("files written outside the artifact store")
                .isEmpty();
    }

    /** What is wrong with an answer, or null. */
    private static String problem(RequestFuzzer.Request request, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (request.mustFail() && answer.status() < 400) {
            return "malformed write accepted";
        }
        // A download's 416 answers with Content-Range and no body (ArtifactRanges), as check() above accepts too.
        if (answer.status() >= 400
                && answer.status() != 416
                && !request.method().equals("HEAD")
                && !answer.hasErrorBody()) {
            return "without error body";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Creates the resources the generated requests aim at; returns their ids by placeholder name (and the device token). */
    private static Map<String, String> fuzzFixture(ApiClient api, byte[] content) {
        Fixture fixture = new Fixture(api);
        Map<String, String> ids = new HashMap<>();
        ids.put("t", "fz-victim");
        ids.put("token", fixture.target("fz-victim"));
        long module = fixture.module("fz-mod", "1", "os");
        ids.put("m", Long.toString(module));
        ids.put("art", fixture.artifact(module, "fz.bin", content).get("id").asString());
        ids.put("file", "fz.bin");
        long set = fixture.distributionSet("fz-set", "1", "os", module);
        ids.put("s", Long.toString(set));
        ids.put("a", Long.toString(fixture.assign("fz-victim", set, "forced")));
        fixture.target("fz-rollout-victim");
        long rollout = RolloutApiIT.rollout(api, "fz-rollout", "controllerId==fz-rollout-victim", set);
        ids.put("r", Long.toString(rollout));
        ids.put("g", RolloutApiIT.groups(api, rollout).get(0).get("id").asString());
        ids.put(
                "tag",
                created(api, "/rest/v1/targettags", "[{\"name\":\"fz-tag\"}]")
                        .get(0)
                        .get("id")
                        .asString());
        ids.put(
                "dstag",
                created(api, "/rest/v1/distributionsettags", "[{\"name\":\"fz-dstag\"}]")
                        .get(0)
                        .get("id")
                        .asString());
        ids.put(
                "f",
                created(api, "/rest/v1/targetfilters", "{\"name\":\"fz-filter\",\"query\":\"controllerId==fz-victim\"}")
                        .get("id")
                        .asString());
        ids.put(
                "dt",
                api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==os")
                        .json()
                        .get("content")
                        .get(0)
                        .get("id")
                        .asString());
        ids.put(
                "smt",
                api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==os")
                        .json()
                        .get("content")
                        .get(0)
                        .get("id")
                        .asString());
        ids.put(
                "tt",
                created(
                                api,
                                "/rest/v1/targettypes",
                                "[{\"name\":\"fz-type\",\"compatibledistributionsettypes\":[{\"id\":" + ids.get("dt")
                                        + "}]}]")
                        .get(0)
                        .get("id")
                        .asString());
        fixture.config("pollingTime", "\"00:05:00\"");
        ids.put("key", "pollingTime");
        return ids;
    }

    private static JsonNode created(ApiClient api, String path, String body) {
        ApiClient.Response response = api.mgmt("POST", path, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    /** Files named like the generated uploads anywhere but in the store: the temporary root, the working directory, /tmp. */
    private static List<Path> writtenOutsideStore() throws IOException {
        Path store = root.resolve("store");
        List<Path> found = new ArrayList<>();
        for (Path dir : List.of(root, Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> files = Files.find(
                    dir,
                    dir.equals(root) ? Integer.MAX_VALUE : 6,
                    (path, attributes) -> path.getFileName() != null
                            && path.getFileName().toString().contains("fzmark"))) {
                files.filter(path -> !path.startsWith(store)).forEach(found::add);
            } catch (UncheckedIOException e) {
                // Other users' unreadable directories under /tmp hold nothing of ours.
            }
        }
        try (Stream<Path> top = Files.list(root)) {
            top.filter(path -> !path.equals(store)).forEach(found::add);
        }
        return found;
    }
}
