package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.server.mgmt.NotImplementedYet;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One software module type to create; {@code maxAssignments} defaults to 1. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleTypeRequestBodyPost(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 64) String key,
        @Size(max = 512) String description,
        @Size(max = 16) String colour,
        @Min(1) Integer maxAssignments,
        Integer minArtifacts) {

    void refuseUnimplemented() {
        NotImplementedYet.field("minArtifacts", minArtifacts != null && minArtifacts != 0);
    }

    SoftwareModuleTypeService.Create toCreate() {
        return new SoftwareModuleTypeService.Create(key, name, description, colour, maxAssignments);
    }
}
