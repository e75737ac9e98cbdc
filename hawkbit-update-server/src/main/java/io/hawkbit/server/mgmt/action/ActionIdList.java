package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON array of action ids that hawkBit's action deletes take as their body, e.g. {@code [253, 255]}. */
public final class ActionIdList {

    private ActionIdList() {}

    /** The ids of the body; empty for no body. A body that is not an array of whole numbers is a 400. */
    public static List<Long> parse(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        if (body == null || body.isNull() || body.isMissingNode()) {
            return ids;
        }
        if (!body.isArray()) {
            throw unreadable("Expected a JSON array of action ids, e.g. [253, 255]");
        }
        for (JsonNode id : body) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw unreadable("Action ids are whole numbers, not " + id);
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static HawkbitException unreadable(String message) {
        return new HawkbitException(ServerError.BODY_NOT_READABLE, message);
    }
}
