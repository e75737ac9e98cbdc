package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hawkbit.server.mgmt.Links;

/** An action created by an assignment, with the link to it. */
record MgmtActionId(Long id, @JsonProperty("_links") Links links) {

    static MgmtActionId of(String controllerId, Long actionId) {
        return new MgmtActionId(actionId, Links.self(Links.TARGETS + controllerId + "/actions/" + actionId));
    }
}
