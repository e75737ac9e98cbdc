package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.server.mgmt.NotImplementedYet;
import jakarta.validation.constraints.Size;

/** The changeable fields of a software module; name, version and type are fixed once created. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleRequestBodyPut(
        @Size(max = 512) String description,
        @Size(max = 256) String vendor,
        Boolean locked) {

    void refuseUnimplemented() {
        NotImplementedYet.field("locked", NotImplementedYet.isTrue(locked));
    }
}
