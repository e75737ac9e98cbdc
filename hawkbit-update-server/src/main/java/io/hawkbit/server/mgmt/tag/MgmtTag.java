package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's tag as the Management API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtTag(
        Long id,
        String name,
        String description,
        String colour,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/targettags/";

    /** A list item: only the self link. */
    public static MgmtTag of(TargetTag tag) {
        return of(tag, Links.self(PATH + tag.getId()));
    }

    static MgmtTag detailed(TargetTag tag) {
        return of(
                tag,
                Links.self(PATH + tag.getId())
                        .with("assignedTargets", PATH + tag.getId() + "/assigned?offset=0&limit=50"));
    }

    private static MgmtTag of(TargetTag tag, Links links) {
        return new MgmtTag(tag.getId(), tag.getName(), tag.getDescription(), tag.getColour(), MgmtAudit.of(tag), links);
    }
}
