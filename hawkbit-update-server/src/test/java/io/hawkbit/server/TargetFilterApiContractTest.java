package io.hawkbit.server;

import static io.hawkbit.server.ContractAssert.auditedFields;
import static io.hawkbit.server.ContractAssert.links;
import static io.hawkbit.server.ContractAssert.pagedList;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * hawkBit 1.1's {@code MgmtTargetFilterQueryRestApi}, endpoint by endpoint. 1.1's {@code MgmtTargetFilterQuery} sends
 * every field, null included ({@code @JsonInclude(ALWAYS)}); {@code confirmationRequired} carries a value only while
 * the confirmation flow is on (off here; ConfirmationFlowIT covers it on). Links differ by endpoint: list items {@code self} (plus {@code DS}
 * with {@code representation=full}), GET of one {@code self}, {@code DS}, {@code autoAssignDS}; create, update and
 * auto-assign {@code self}, {@code autoAssignDS}.
 */
@MgmtApiTest
class TargetFilterApiContractTest {

    private static final String[] FILTER = {
        "id",
        "name",
        "query",
        "autoAssignDistributionSet",
        "autoAssignActionType",
        "autoAssignWeight",
        "confirmationRequired",
        "_links"
    };

    @LocalServerPort
    int port;

    private final String name = "tfc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void filters_createListGetUpdateDelete_sendNullFields() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response created =
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "\",\"query\":\"name==x*\"}");
        JsonAssert.statusCode(created, 201);
        auditedFields(created.json(), FILTER);
        links(created.json(), "self", "autoAssignDS");
        for (String unset : new String[] {
            "autoAssignDistributionSet", "autoAssignActionType", "autoAssignWeight", "confirmationRequired"
        }) {
            assertThat(created.json().get(unset).isNull()).as(unset).isTrue();
        }
        long id = created.json().get("id").asLong();

        ApiClient.Response list = api.mgmt("GET", "/rest/v1/targetfilters?q=name==" + name);
        JsonAssert.statusCode(list, 200);
        pagedList(list.json());
        auditedFields(list.json().get("content").get(0), FILTER);
        links(list.json().get("content").get(0), "self");

        ApiClient.Response one = api.mgmt("GET", "/rest/v1/targetfilters/" + id);
        JsonAssert.statusCode(one, 200);
        auditedFields(one.json(), FILTER);
        links(one.json(), "self", "autoAssignDS");

        ApiClient.Response updated =
                api.mgmt("PUT", "/rest/v1/targetfilters/" + id, "{\"name\":\"" + name + "-2\",\"query\":\"name==y*\"}");
        JsonAssert.statusCode(updated, 200);
        auditedFields(updated.json(), FILTER);
        links(updated.json(), "self", "autoAssignDS");

        JsonAssert.statusCode(api.mgmt("GET", "/rest/v1/targetfilters/" + id + "/autoAssignDS"), 204);
        JsonAssert.statusCode(api.mgmt("DELETE", "/rest/v1/targetfilters/" + id), 204);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targetfilters/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
        JsonAssert.error(
                api.mgmt("DELETE", "/rest/v1/targetfilters/" + id), 404, "hawkbit.server.error.repo.entitiyNotFound");
    }

    @Test
    void autoAssign_postGetDelete_andTheDsLink() {
        ApiClient api = new ApiClient(port);
        long set = new Fixture(api).completeSet(name);
        long id = api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "-a\",\"query\":\"name==a*\"}")
                .json()
                .get("id")
                .asLong();
        String base = "/rest/v1/targetfilters/" + id;

        ApiClient.Response assigned =
                api.mgmt("POST", base + "/autoAssignDS", "{\"id\":" + set + ",\"type\":\"soft\",\"weight\":500}");
        JsonAssert.statusCode(assigned, 200);
        auditedFields(assigned.json(), FILTER);
        links(assigned.json(), "self", "autoAssignDS");
        assertThat(assigned.json().get("autoAssignDistributionSet").asLong()).isEqualTo(set);
        assertThat(assigned.json().get("autoAssignActionType").asString()).isEqualTo("soft");
        assertThat(assigned.json().get("autoAssignWeight").asInt()).isEqualTo(500);
        assertThat(assigned.json().get("confirmationRequired").isNull()).isTrue();

        JsonNode one = api.mgmt("GET", base).json();
        links(one, "self", "DS", "autoAssignDS");
        String ds = URLDecoder.decode(one.get("_links").get("DS").get("href").asString(), StandardCharsets.UTF_8);
        assertThat(ds).contains("/rest/v1/distributionsets?q=name==" + name + "-set;version==1");
        ApiClient.Response found =
                api.mgmt("GET", one.get("_links").get("DS").get("href").asString());
        JsonAssert.statusCode(found, 200);
        assertThat(found.json().get("content").get(0).get("id").asLong())
                .as("the DS link finds the set")
                .isEqualTo(set);

        links(
                api.mgmt("GET", "/rest/v1/targetfilters?q=name==" + name + "-a")
                        .json()
                        .get("content")
                        .get(0),
                "self");
        links(
                api.mgmt("GET", "/rest/v1/targetfilters?representation=full&q=name==" + name + "-a")
                        .json()
                        .get("content")
                        .get(0),
                "self",
                "DS");

        ApiClient.Response autoSet = api.mgmt("GET", base + "/autoAssignDS");
        JsonAssert.statusCode(autoSet, 200);
        assertThat(autoSet.json().get("id").asLong()).isEqualTo(set);
        links(autoSet.json(), "self", "modules", "type", "metadata");

        JsonAssert.statusCode(api.mgmt("DELETE", base + "/autoAssignDS"), 204);
        JsonAssert.statusCode(api.mgmt("GET", base + "/autoAssignDS"), 204);
        JsonNode cleared = api.mgmt("GET", base).json();
        assertThat(cleared.get("autoAssignDistributionSet").isNull()).isTrue();
        assertThat(cleared.get("autoAssignActionType").isNull()).isTrue();
        links(cleared, "self", "autoAssignDS");
    }

    @Test
    void confirmationRequired_isAccepted_andShownOnlyWhileTheFlowIsOn() {
        ApiClient api = new ApiClient(port);
        long set = new Fixture(api).completeSet(name + "-c");
        long id = api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "-c\",\"query\":\"name==c*\"}")
                .json()
                .get("id")
                .asLong();
        String base = "/rest/v1/targetfilters/" + id;
        ApiClient.Response required =
                api.mgmt("POST", base + "/autoAssignDS", "{\"id\":" + set + ",\"confirmationRequired\":true}");
        JsonAssert.statusCode(required, 200);
        assertThat(required.json().get("confirmationRequired").isNull())
                .as("hawkBit sends it only while the confirmation flow is on")
                .isTrue();
        ApiClient.Response accepted =
                api.mgmt("POST", base + "/autoAssignDS", "{\"id\":" + set + ",\"confirmationRequired\":false}");
        JsonAssert.statusCode(accepted, 200);
        assertThat(accepted.json().get("confirmationRequired").isNull()).isTrue();
    }

    @Test
    void filters_badInputRefused() {
        ApiClient api = new ApiClient(port);
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "-q\"}"),
                400,
                "hawkbit.server.error.rest.param.invalid");
        JsonAssert.statusCode(
                api.mgmt("POST", "/rest/v1/targetfilters", "{\"name\":\"" + name + "-r\",\"query\":\"nope==1\"}"), 400);
        JsonAssert.error(
                api.mgmt("GET", "/rest/v1/targetfilters?q=nope==1"),
                400,
                "hawkbit.server.error.rest.param.rsqlInvalidField");
        JsonAssert.error(
                api.mgmt("POST", "/rest/v1/targetfilters/999999/autoAssignDS", "{\"id\":1}"),
                404,
                "hawkbit.server.error.repo.entitiyNotFound");
    }
}
