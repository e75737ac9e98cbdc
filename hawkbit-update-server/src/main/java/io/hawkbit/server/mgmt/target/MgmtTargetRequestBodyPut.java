package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.server.mgmt.NotImplementedYet;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** The changeable fields of a target; absent fields stay, {@code requestAttributes: true} asks the device for attributes. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetRequestBodyPut(
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 512) String address,
        @Size(min = 1, max = 128) String securityToken,
        Boolean requestAttributes,
        JsonNode targetType,
        @Size(max = 256) String group) {

    void refuseUnimplemented() {
        NotImplementedYet.field("targetType", targetType != null && !targetType.isNull());
    }

    TargetService.Update toUpdate() {
        return new TargetService.Update(name, description, securityToken, address, requestAttributes, group);
    }
}
