package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.tag.Tag;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's tag as the Management API shows it, target tags and distribution set tags alike. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtTag(
        Long id,
        String name,
        String description,
        String colour,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String TARGET_TAGS = "/rest/v1/targettags/";
    static final String SET_TAGS = "/rest/v1/distributionsettags/";

    /** A list item of the tags under {@code path}: only the self link. */
    static MgmtTag of(Tag tag, String path) {
        return of(tag, Links.self(path + tag.getId()));
    }

    /** A single tag with the link to what carries it, named {@code assignedRel} as in hawkBit. */
    static MgmtTag detailed(Tag tag, String path, String assignedRel) {
        return of(
                tag,
                Links.self(path + tag.getId()).with(assignedRel, path + tag.getId() + "/assigned?offset=0&limit=50"));
    }

    private static MgmtTag of(Tag tag, Links links) {
        return new MgmtTag(tag.getId(), tag.getName(), tag.getDescription(), tag.getColour(), MgmtAudit.of(tag), links);
    }
}
