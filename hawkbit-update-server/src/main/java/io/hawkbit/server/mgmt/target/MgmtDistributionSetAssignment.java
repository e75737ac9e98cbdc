package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.server.mgmt.action.MgmtMaintenanceWindowRequestBody;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One distribution set to assign to a target: {@code type} is soft, forced (default), timeforced or downloadonly. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDistributionSetAssignment(
        @NotNull Long id,
        String type,
        Long forcetime,
        @Min(0) @Max(1000) Integer weight,
        MgmtMaintenanceWindowRequestBody maintenanceWindow,
        Boolean confirmationRequired) {}
