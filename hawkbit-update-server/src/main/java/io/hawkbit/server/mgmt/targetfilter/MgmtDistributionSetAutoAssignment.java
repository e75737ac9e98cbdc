package io.hawkbit.server.mgmt.targetfilter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /targetfilters/{id}/autoAssignDS}: the set's id, the action type (default forced), a weight. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDistributionSetAutoAssignment(
        @NotNull Long id, String type, @Min(0) @Max(1000) Integer weight, Boolean confirmationRequired) {}
