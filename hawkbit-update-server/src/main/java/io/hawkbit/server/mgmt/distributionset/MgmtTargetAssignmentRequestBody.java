package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.server.mgmt.action.MgmtMaintenanceWindowRequestBody;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One target to assign a distribution set to: {@code id} is its controllerId; {@code type} defaults to forced. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetAssignmentRequestBody(
        @NotBlank @Size(max = 256) String id,
        String type,
        Long forcetime,
        @Min(0) @Max(1000) Integer weight,
        MgmtMaintenanceWindowRequestBody maintenanceWindow,
        Boolean confirmationRequired) {}
