package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.targettype.TargetType;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/**
 * hawkBit's target type as the Management API shows it. {@code deleted} is always false (target types are deleted for
 * real) but sent, as hawkBit's type body always carries it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtTargetType(
        Long id,
        String name,
        String description,
        String key,
        String colour,
        boolean deleted,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/targettypes/";

    /** A list item (also the create answer): only the self link. */
    static MgmtTargetType of(TargetType type) {
        return of(type, Links.self(PATH + type.getId()));
    }

    static MgmtTargetType detailed(TargetType type) {
        return of(
                type,
                Links.self(PATH + type.getId())
                        .with(
                                "compatibledistributionsettypes",
                                PATH + type.getId() + "/compatibledistributionsettypes"));
    }

    private static MgmtTargetType of(TargetType type, Links links) {
        return new MgmtTargetType(
                type.getId(),
                type.getName(),
                type.getDescription(),
                type.getKey(),
                type.getColour(),
                false,
                MgmtAudit.of(type),
                links);
    }
}
