package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's distribution set type as the Management API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtDistributionSetType(
        Long id,
        String name,
        String description,
        String key,
        String colour,
        boolean deleted,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/distributionsettypes/";

    static MgmtDistributionSetType of(DistributionSetType type) {
        return of(type, Links.self(PATH + type.getId()));
    }

    static MgmtDistributionSetType detailed(DistributionSetType type) {
        return of(
                type,
                Links.self(PATH + type.getId())
                        .with("mandatorymodules", PATH + type.getId() + "/mandatorymoduletypes")
                        .with("optionalmodules", PATH + type.getId() + "/optionalmoduletypes"));
    }

    private static MgmtDistributionSetType of(DistributionSetType type, Links links) {
        return new MgmtDistributionSetType(
                type.getId(),
                type.getName(),
                type.getDescription(),
                type.getKey(),
                type.getColour(),
                type.isDeleted(),
                MgmtAudit.of(type),
                links);
    }
}
