package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.hawkbit.repository.target.AutoConfirmation;
import io.hawkbit.server.mgmt.Links;

/** hawkBit's auto-confirmation state of a target, linking to the switch that changes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"active", "initiator", "remark", "activatedAt", "_links"})
record MgmtTargetAutoConfirm(
        boolean active,
        String initiator,
        String remark,
        Long activatedAt,
        @JsonProperty("_links") Links links) {

    static MgmtTargetAutoConfirm of(String controllerId, AutoConfirmation status) {
        String path = MgmtTarget.PATH + controllerId + "/autoConfirm";
        if (status == null) {
            return new MgmtTargetAutoConfirm(false, null, null, null, new Links().with("activate", path + "/activate"));
        }
        return new MgmtTargetAutoConfirm(
                true,
                status.getInitiator(),
                status.getRemark(),
                status.getActivatedAt(),
                new Links().with("deactivate", path + "/deactivate"));
    }
}
