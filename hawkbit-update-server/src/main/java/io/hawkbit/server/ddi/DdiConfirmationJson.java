package io.hawkbit.server.ddi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hawkbit.server.mgmt.Links;
import java.util.List;

/** The confirmation flow's DDI wire format, with hawkBit's names (DdiConfirmationBase and its relatives). */
final class DdiConfirmationJson {

    private DdiConfirmationJson() {}

    /** {@code GET .../confirmationBase}: the auto-confirmation state and where to go next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"autoConfirm", "_links"})
    record ConfirmationBase(
            AutoConfirmationState autoConfirm,
            @JsonProperty("_links") Links links) {}

    /** hawkBit sends {@code activatedAt} 0 while auto-confirmation is off. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"active", "initiator", "remark", "activatedAt"})
    record AutoConfirmationState(boolean active, String initiator, String remark, Long activatedAt) {}

    /** {@code GET .../confirmationBase/{actionId}}: the deployment the device is asked to consent to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "confirmation", "actionHistory"})
    record ConfirmationBaseAction(String id, DdiJson.Deployment confirmation, DdiJson.ActionHistory actionHistory) {}

    /** The device's answer: {@code confirmation} is {@code confirmed} or {@code denied}. */
    record ConfirmationFeedback(String confirmation, Integer code, List<String> details) {}

    /** {@code POST .../activateAutoConfirm}; both fields optional, the body too. */
    record ActivateAutoConfirmation(String initiator, String remark) {}
}
