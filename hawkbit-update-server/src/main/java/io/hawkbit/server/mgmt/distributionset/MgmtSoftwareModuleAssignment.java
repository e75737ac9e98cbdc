package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/** A software module referenced by id, as in {@code {"id": 7}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleAssignment(@NotNull Long id) {}
