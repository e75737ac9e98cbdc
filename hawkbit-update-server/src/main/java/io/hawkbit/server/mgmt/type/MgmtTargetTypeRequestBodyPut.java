package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/** The changeable fields of a target type (hawkBit lets the name change too); the key is fixed once created. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetTypeRequestBodyPut(
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 16) String colour) {}
