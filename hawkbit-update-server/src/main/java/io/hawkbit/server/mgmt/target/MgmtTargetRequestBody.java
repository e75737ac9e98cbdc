package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.target.TargetService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One target to create; the name defaults to the controllerId and the security token is generated when absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetRequestBody(
        @NotBlank @Size(max = 256) String controllerId,
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 512) String address,
        @Size(max = 128) String securityToken,
        Long targetType,
        @Size(max = 256) String group) {

    TargetService.Create toCreate() {
        return new TargetService.Create(controllerId, name, description, securityToken, address, group, targetType);
    }
}
