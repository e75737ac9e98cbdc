package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.target.TargetService;
import jakarta.validation.constraints.Size;

/**
 * The changeable fields of a target; absent fields stay, {@code requestAttributes: true} asks the device for attributes,
 * {@code targetType: -1} takes the target's type away (as in hawkBit).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetRequestBodyPut(
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 512) String address,
        @Size(min = 1, max = 128) String securityToken,
        Boolean requestAttributes,
        Long targetType,
        @Size(max = 256) String group) {

    TargetService.Update toUpdate() {
        return new TargetService.Update(
                name, description, securityToken, address, requestAttributes, group, targetType);
    }
}
