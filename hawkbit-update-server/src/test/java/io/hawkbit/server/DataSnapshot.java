package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the Management API shows of every resource, to compare before and after a run of malformed requests. Fields
 * that valid reads change on purpose are left out: a device's poll time and address, and the history entries the
 * server writes, as hawkBit does, when a device reads its deployment ("retrieved") or downloads an artifact
 * ("download"), with the page counts they add to.
 */
final class DataSnapshot {

    private static final Set<String> VOLATILE =
            Set.of("lastControllerRequestAt", "pollStatus", "ipAddress", "address", "lastModifiedAt", "lastModifiedBy");

    private DataSnapshot() {}

    static Map<String, String> take(ApiClient api, Map<String, String> ids) {
        List<String> paths = List.of(
                "/rest/v1/targets?limit=500",
                "/rest/v1/distributionsets?limit=500",
                "/rest/v1/softwaremodules?limit=500",
                "/rest/v1/softwaremoduletypes?limit=500",
                "/rest/v1/distributionsettypes?limit=500",
                "/rest/v1/targettags?limit=500",
                "/rest/v1/targetfilters?limit=500",
                "/rest/v1/rollouts?limit=500",
                "/rest/v1/actions?limit=500",
                "/rest/v1/system/configs",
                "/rest/v1/softwaremodules/{m}/artifacts",
                "/rest/v1/targets/{t}/attributes",
                "/rest/v1/targets/{t}/actions/{a}/status?limit=500",
                "/rest/v1/rollouts/{r}/deploygroups?limit=500",
                "/rest/v1/targettags/{tag}/assigned?limit=500",
                "/rest/v1/distributionsettags?limit=500",
                "/rest/v1/distributionsettags/{dstag}/assigned?limit=500",
                "/rest/v1/distributionsets/{s}/assignedSM?limit=500",
                "/rest/v1/targetfilters/{f}/autoAssignDS",
                "/rest/v1/distributionsettypes/{dt}/mandatorymoduletypes",
                "/rest/v1/distributionsettypes/{dt}/optionalmoduletypes",
                "/rest/v1/targets/{t}/tags",
                "/rest/v1/targettypes?limit=500",
                "/rest/v1/targettypes/{tt}/compatibledistributionsettypes");
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String template : paths) {
            String path = template;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            ApiClient.Response response = api.mgmt("GET", path);
            assertThat(response.status()).as(path + " " + response.text()).isLessThan(500);
            snapshot.put(
                    path, response.status() + " " + (response.body().length == 0 ? "" : normalize(response.json())));
        }
        return snapshot;
    }

    private static JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VOLATILE.forEach(object::remove);
            int listed = object.path("content").size();
            object.propertyNames().forEach(name -> normalize(object.get(name)));
            int removed = listed - object.path("content").size();
            if (removed > 0) {
                object.put("total", object.path("total").asLong() - removed);
                object.put("size", object.path("size").asLong() - removed);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode item = array.get(i);
                String type = item.path("type").asString("");
                if (type.equals("retrieved")
                        || (type.equals("download")
                                && item.path("messages")
                                        .path(0)
                                        .asString("")
                                        .startsWith("Update Server: Target downloads"))) {
                    array.remove(i);
                } else {
                    normalize(item);
                }
            }
        }
        return node;
    }
}
