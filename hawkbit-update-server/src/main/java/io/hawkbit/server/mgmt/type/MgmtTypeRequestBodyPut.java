package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/** The changeable fields of a software module or distribution set type; key and name are fixed once created. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTypeRequestBodyPut(
        @Size(max = 512) String description, @Size(max = 16) String colour) {}
