package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/** A reference to a software module type by id, as in {@code {"id": 4}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtId(@NotNull Long id) {}
