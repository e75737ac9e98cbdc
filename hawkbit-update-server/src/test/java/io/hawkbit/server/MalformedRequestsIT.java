package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every endpoint, fed garbage: each answer is a 4xx with hawkBit's error body, never a 5xx, and nothing half-written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MalformedRequestsIT {

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    @LocalServerPort
    int port;

    private static final String[] GARBAGE = {"{", "[{\"name\":", "\"text\"", "42", "[1,2]", "{\"id\":\"x\"}", "null",
            "[{\"name\":null}]", "[{\"controllerId\":\"" + "x".repeat(300) + "\"}]", "{\"value\":{\"deep\":[1]}}",
            "[{\"id\":-1}]", "{\"id\":9999999,\"type\":\"sometimes\"}", "[{\"name\":\"\",\"version\":\"v\",\"type\":\"nope\"}]"};

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
                new String[] {"POST", "/rest/v1/targets"}, new String[] {"PUT", "/rest/v1/targets/victim"},
                new String[] {"POST", "/rest/v1/targets/victim/assignedDS"},
                new String[] {"POST", "/rest/v1/distributionsets"}, new String[] {"PUT", "/rest/v1/distributionsets/" + set},
                new String[] {"POST", "/rest/v1/distributionsets/" + set + "/assignedSM"},
                new String[] {"POST", "/rest/v1/distributionsets/" + set + "/assignedTargets"},
                new String[] {"POST", "/rest/v1/softwaremodules"}, new String[] {"PUT", "/rest/v1/softwaremodules/" + module},
                new String[] {"POST", "/rest/v1/softwaremoduletypes"}, new String[] {"PUT", "/rest/v1/softwaremoduletypes/1"},
                new String[] {"POST", "/rest/v1/distributionsettypes"}, new String[] {"PUT", "/rest/v1/distributionsettypes/1"},
                new String[] {"POST", "/rest/v1/distributionsettypes/1/mandatorymoduletypes"},
                new String[] {"POST", "/rest/v1/targettags"}, new String[] {"PUT", "/rest/v1/targettags/1"},
                new String[] {"POST", "/rest/v1/targettags/1/assigned"},
                new String[] {"PUT", "/rest/v1/system/configs/pollingTime"},
                new String[] {"POST", "/rest/v1/rollouts"}, new String[] {"PUT", "/rest/v1/rollouts/" + rollout},
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
                check(api.send(endpoint[0], endpoint[1], body, headers), endpoint[0] + " " + endpoint[1] + " " + body, failures);
            }
            check(api.send(endpoint[0], endpoint[1], "<xml/>", Map.of("Authorization", headers.get("Authorization"),
                    "Content-Type", "application/xml")), endpoint[0] + " " + endpoint[1] + " xml", failures);
        }
        String[] badGets = {"/rest/v1/targets?q=name==", "/rest/v1/targets?q=nosuchfield==1", "/rest/v1/targets?q=((",
                "/rest/v1/targets?sort=name:UP", "/rest/v1/targets?sort=nope:ASC", "/rest/v1/targets?limit=abc",
                "/rest/v1/targets?q=lastControllerRequestAt=gt=yesterday", "/rest/v1/targets?q=updateStatus==flying",
                "/rest/v1/targets/nobody", "/rest/v1/targets/victim/actions/abc", "/rest/v1/targets/victim/actions/99999",
                "/rest/v1/distributionsets/abc", "/rest/v1/distributionsets/99999", "/rest/v1/softwaremodules/99999/artifacts",
                "/rest/v1/softwaremodules/" + module + "/artifacts/99999", "/rest/v1/actions/99999", "/rest/v1/actions?q=status==x",
                "/rest/v1/system/configs/no.such.key", "/rest/v1/targettags/99999", "/rest/v1/softwaremoduletypes/99999",
                "/rest/v1/distributionsettypes/99999", "/rest/v1/rollouts/abc", "/rest/v1/rollouts/99999",
                "/rest/v1/rollouts?q=status==flying", "/rest/v1/rollouts?sort=nope:ASC", "/rest/v1/rollouts/" + rollout + "/deploygroups/abc",
                "/rest/v1/rollouts/" + rollout + "/deploygroups/99999/targets", "/rest/v1/rollouts/99999/deploygroups",
                "/rest/v1/rollouts/" + rollout + "/deploygroups?q=status==later", "/rest/v1/nothing/here", "/rest/v1//targets", "/rest/v1/targets/%2e%2e/x"};
        for (String path : badGets) {
            check(api.mgmt("GET", path), "GET " + path, failures);
        }
        String[] badDeletes = {"/rest/v1/targets/nobody", "/rest/v1/distributionsets/99999", "/rest/v1/softwaremodules/99999",
                "/rest/v1/targets/victim/actions/99999", "/rest/v1/softwaremodules/" + module + "/artifacts/99999",
                "/rest/v1/targettags/99999", "/rest/v1/system/configs/no.such.key", "/rest/v1/rollouts/99999"};
        for (String path : badDeletes) {
            check(api.mgmt("DELETE", path), "DELETE " + path, failures);
        }
        Map<String, String> device = Map.of("Authorization", "TargetToken " + token);
        String[] badDeviceGets = {"/DEFAULT/controller/v1/victim/deploymentBase/abc", "/DEFAULT/controller/v1/victim/deploymentBase/99999",
                "/DEFAULT/controller/v1/victim/cancelAction/" + action, "/DEFAULT/controller/v1/victim/installedBase/" + action,
                "/DEFAULT/controller/v1/victim/softwaremodules/99999/artifacts", "/DEFAULT/controller/v1/victim/softwaremodules/" + module
                        + "/artifacts/missing.bin", "/DEFAULT/controller/v1/victim/deploymentBase/" + action + "?actionHistory=x",
                "/DEFAULT/controller/v1/victim/deploymentBase//feedback"};
        for (String path : badDeviceGets) {
            check(api.send("GET", path, (byte[]) null, device), "GET " + path, failures);
        }
        check(api.send("GET", "/DEFAULT/controller/v1/victim/softwaremodules/" + module + "/artifacts/f.bin", (byte[]) null,
                DeviceCycleIT.with(device, "Range", "bytes=zzz")), "bad range", failures);
        check(api.upload(module, "f.bin", new byte[] {2}, Map.of()), "duplicate artifact", failures);
        check(api.upload(module, "empty.bin", new byte[0], Map.of()), "empty artifact", failures);
        check(api.upload(module, "g.bin", new byte[] {3}, Map.of("sha1sum", "0000")), "wrong sha1", failures);
        check(api.upload(99999, "g.bin", new byte[] {3}, Map.of()), "unknown module", failures);
        assertThat(failures).as("requests answered with a 5xx or without an error body").isEmpty();
    }

    private static void check(ApiClient.Response response, String what, List<String> failures) {
        if (response.status() >= 500) {
            failures.add(what + " -> " + response.status() + " " + response.text());
        } else if (response.status() >= 400 && response.status() != 405 && response.status() != 416
                && !response.text().contains("\"errorCode\"")) {
            failures.add(what + " -> " + response.status() + " without error body: " + response.text());
        } else if (response.status() < 400 && what.startsWith("POST /rest")) {
            failures.add(what + " -> accepted with " + response.status());
        }
    }

    @Test
    void batchWithOneInvalidTarget_createsNothing() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response response = api.mgmt("POST", "/rest/v1/targets",
                "[{\"controllerId\":\"batch-ok\",\"name\":\"ok\"},{\"controllerId\":\"batch-ok\",\"name\":\"dup\"}]");
        assertThat(response.status()).isEqualTo(409);
        assertThat(api.mgmt("GET", "/rest/v1/targets/batch-ok").status()).isEqualTo(404);
        ApiClient.Response tooLong = api.mgmt("POST", "/rest/v1/targets",
                "[{\"controllerId\":\"batch-2\",\"name\":\"ok\"},{\"controllerId\":\"batch-3\",\"name\":\"" + "n".repeat(200) + "\"}]");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api.mgmt("GET", "/rest/v1/targets/batch-2").status()).isEqualTo(404);
    }
}
