package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/**
 * hawkBit's software module type as the Management API shows it. {@code minArtifacts} is always 0: this server sets no
 * minimum artifact count (a create asking for more is refused).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtSoftwareModuleType(
        Long id,
        String name,
        String description,
        String key,
        String colour,
        int minArtifacts,
        int maxAssignments,
        boolean deleted,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    public static MgmtSoftwareModuleType of(SoftwareModuleType type) {
        return new MgmtSoftwareModuleType(
                type.getId(),
                type.getName(),
                type.getDescription(),
                type.getKey(),
                type.getColour(),
                0,
                type.getMaxAssignments(),
                type.isDeleted(),
                MgmtAudit.of(type),
                Links.self("/rest/v1/softwaremoduletypes/" + type.getId()));
    }
}
