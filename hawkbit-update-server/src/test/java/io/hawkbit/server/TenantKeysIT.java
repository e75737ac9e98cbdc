package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hawkBit 1.1 tenant keys that change what other resources do: {@code default.ds.type} (the type of a set that
 * names none), {@code implicit.lock.enabled} (whether an assignment locks its set) and {@code minPollingTime} (the
 * floor of the polling interval devices are told). Each test puts its key back.
 */
@MgmtApiTest
class TenantKeysIT {

    private static final String CONFIGS = "/rest/v1/system/configs/";

    @LocalServerPort
    int port;

    @Test
    void defaultDsType_isTheTypeOfASetThatNamesNone() {
        ApiClient api = new ApiClient(port);
        long osApp = typeId(api, "os_app");
        ApiClient.Response initial = api.mgmt("GET", CONFIGS + "default.ds.type");
        JsonAssert.statusCode(initial, 200);
        assertThat(initial.json().get("value").asLong()).isEqualTo(osApp);
        assertThat(initial.json().get("global").asBoolean()).isTrue();

        ApiClient.Response type = api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"key\":\"tk-default\",\"name\":\"tk-default\",\"optionalmodules\":[{\"id\":"
                        + moduleTypeId(api, "os") + "}]}]");
        JsonAssert.statusCode(type, 201);
        long own = type.json().get(0).get("id").asLong();
        try {
            ApiClient.Response set = api.mgmt("PUT", CONFIGS + "default.ds.type", "{\"value\":" + own + "}");
            JsonAssert.statusCode(set, 200);
            assertThat(set.json().get("value").asLong()).isEqualTo(own);
            assertThat(typeOfNewSet(api, "tk-a")).isEqualTo("tk-default");

            JsonAssert.error(
                    api.mgmt("PUT", CONFIGS + "default.ds.type", "{\"value\":987654321}"),
                    404,
                    "hawkbit.server.error.repo.entitiyNotFound");
            JsonAssert.error(
                    api.mgmt("PUT", CONFIGS + "default.ds.type", "{\"value\":\"os_app\"}"),
                    400,
                    "hawkbit.server.error.configValueInvalid");
            JsonAssert.error(
                    api.mgmt("PUT", "/rest/v1/system/configs", "{\"pollingTime\":\"00:06:00\",\"default.ds.type\":0}"),
                    400,
                    "hawkbit.server.error.configValueInvalid");
            assertThat(api.mgmt("GET", CONFIGS + "default.ds.type")
                            .json()
                            .get("value")
                            .asLong())
                    .as("refused values leave the key as it was")
                    .isEqualTo(own);
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", CONFIGS + "default.ds.type"), 204);
        }
        assertThat(api.mgmt("GET", CONFIGS + "default.ds.type")
                        .json()
                        .get("value")
                        .asLong())
                .isEqualTo(osApp);
        assertThat(typeOfNewSet(api, "tk-b")).isEqualTo("os_app");
    }

    @Test
    void implicitLock_off_leavesAnAssignedSetOpenForChange() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        fixture.target("tk-lock");
        long unlockedSet =
                fixture.distributionSet("tk-unlocked-set", "1", "os_app", fixture.module("tk-unlocked-os", "1", "os"));
        fixture.config("implicit.lock.enabled", "false");
        try {
            fixture.assign("tk-lock", unlockedSet, "soft");
            assertThat(locked(api, unlockedSet))
                    .as("not locked with the key off")
                    .isFalse();
            long app = fixture.module("tk-unlocked-app", "1", "application");
            JsonAssert.statusCode(
                    api.mgmt(
                            "POST",
                            "/rest/v1/distributionsets/" + unlockedSet + "/assignedSM",
                            "[{\"id\":" + app + "}]"),
                    204);
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", CONFIGS + "implicit.lock.enabled"), 204);
        }
        long lockedSet = fixture.completeSet("tk-locked");
        fixture.assign("tk-lock", lockedSet, "soft");
        assertThat(locked(api, lockedSet)).as("hawkBit's default: on").isTrue();
    }

    @Test
    void minPollingTime_isTheFloorOfThePollingIntervalDevicesAreTold() {
        ApiClient api = new ApiClient(port);
        Fixture fixture = new Fixture(api);
        Map<String, String> auth = Map.of("Authorization", "TargetToken " + fixture.target("tk-poll"));
        assertThat(sleep(api, auth)).isEqualTo("00:05:00");
        fixture.config("minPollingTime", "\"00:10:00\"");
        try {
            assertThat(sleep(api, auth)).isEqualTo("00:10:00");
            JsonAssert.error(
                    api.mgmt("PUT", CONFIGS + "minPollingTime", "{\"value\":\"00:00:05\"}"),
                    400,
                    "hawkbit.server.error.configValueInvalid");
        } finally {
            JsonAssert.statusCode(api.mgmt("DELETE", CONFIGS + "minPollingTime"), 204);
        }
        assertThat(sleep(api, auth)).isEqualTo("00:05:00");
    }

    private static String sleep(ApiClient api, Map<String, String> auth) {
        ApiClient.Response poll = api.send("GET", "/DEFAULT/controller/v1/tk-poll", (byte[]) null, auth);
        JsonAssert.statusCode(poll, 200);
        return poll.json().get("config").get("polling").get("sleep").asString();
    }

    private static boolean locked(ApiClient api, long set) {
        return api.mgmt("GET", "/rest/v1/distributionsets/" + set)
                .json()
                .get("locked")
                .asBoolean();
    }

    private static String typeOfNewSet(ApiClient api, String name) {
        ApiClient.Response created =
                api.mgmt("POST", "/rest/v1/distributionsets", "[{\"name\":\"" + name + "\",\"version\":\"1\"}]");
        JsonAssert.statusCode(created, 201);
        return created.json().get(0).get("type").asString();
    }

    private static long typeId(ApiClient api, String key) {
        return api.mgmt("GET", "/rest/v1/distributionsettypes?q=key==" + key)
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
    }

    private static long moduleTypeId(ApiClient api, String key) {
        return api.mgmt("GET", "/rest/v1/softwaremoduletypes?q=key==" + key)
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
    }
}
