package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/** hawkBit's body of {@code PUT /targets/{id}/actions/{actionId}}: only {@code {"forceType":"forced"}} is accepted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MgmtActionRequestBodyPut(String forceType) {

    /**
     * Checks the one change hawkBit allows, soft to forced.
     *
     * @throws HawkbitException 400: no or an unknown {@code forceType}, or another type than {@code forced}
     */
    public void requireForced() {
        ActionType type =
                forceType == null ? null : ActionType.fromJson(forceType).orElse(null);
        if (type == null) {
            throw new HawkbitException(
                    ServerError.BODY_NOT_READABLE,
                    "forceType must be one of soft, forced, timeforced, downloadonly; got " + forceType);
        }
        if (type != ActionType.FORCED) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID, "An action can only be switched to forceType forced, not " + forceType);
        }
    }
}
