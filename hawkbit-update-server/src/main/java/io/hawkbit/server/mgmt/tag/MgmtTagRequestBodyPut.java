package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.tag.TagService;
import jakarta.validation.constraints.Size;

/** The changeable fields of a tag; absent fields stay as they are. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTagRequestBodyPut(
        @Size(min = 1, max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 16) String colour) {

    TagService.Create toUpdate() {
        return new TagService.Create(name, description, colour);
    }
}
