package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/** The target type to give a target, as in {@code {"id": 3}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetTypeId(@NotNull Long id) {}
