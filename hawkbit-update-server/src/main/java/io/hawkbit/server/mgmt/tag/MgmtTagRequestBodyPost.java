package io.hawkbit.server.mgmt.tag;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.tag.TagService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One tag to create. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTagRequestBodyPost(
        @NotBlank @Size(max = 128) String name,
        @Size(max = 512) String description,
        @Size(max = 16) String colour) {

    TagService.Create toCreate() {
        return new TagService.Create(name, description, colour);
    }
}
