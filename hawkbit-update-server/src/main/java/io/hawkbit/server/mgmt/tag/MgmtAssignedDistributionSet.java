package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/** A set to tag in hawkBit 0.x's object form, {@code {"id": 7}}; 1.1 sends the bare id. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtAssignedDistributionSet(@NotNull Long id) {}
