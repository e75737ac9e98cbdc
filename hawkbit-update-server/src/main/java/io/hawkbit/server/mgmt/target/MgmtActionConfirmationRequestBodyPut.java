package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.action.ActionConfirmation;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.List;

/** hawkBit's body of {@code PUT .../actions/{actionId}/confirmation}: {@code confirmed} or {@code denied}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtActionConfirmationRequestBodyPut(String confirmation, Integer code, List<String> details) {

    ActionConfirmation.Answer toAnswer() {
        if (confirmation == null) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "confirmation is required: confirmed or denied");
        }
        boolean confirmed = switch (confirmation) {
            case "confirmed" -> true;
            case "denied" -> false;
            default ->
                throw new HawkbitException(
                        ServerError.BODY_NOT_READABLE,
                        "Unknown confirmation '" + confirmation + "'; expected confirmed or denied");
        };
        return new ActionConfirmation.Answer(confirmed, code, details);
    }
}
