package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import io.hawkbit.server.mgmt.NotImplementedYet;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One software module to create. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleRequestBodyPost(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 64) String version,
        @NotBlank @Size(max = 64) String type,
        @Size(max = 512) String description,
        @Size(max = 256) String vendor,
        Boolean encrypted,
        Boolean locked) {

    void refuseUnimplemented() {
        NotImplementedYet.field("encrypted", NotImplementedYet.isTrue(encrypted));
        NotImplementedYet.field("locked", NotImplementedYet.isTrue(locked));
    }

    SoftwareModuleService.Create toCreate() {
        return new SoftwareModuleService.Create(type, name, version, vendor, description);
    }
}
