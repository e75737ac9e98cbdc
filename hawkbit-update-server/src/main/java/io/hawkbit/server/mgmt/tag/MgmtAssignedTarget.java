package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;

/** A target to tag, as in {@code {"controllerId": "c1"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtAssignedTarget(@NotBlank String controllerId) {}
