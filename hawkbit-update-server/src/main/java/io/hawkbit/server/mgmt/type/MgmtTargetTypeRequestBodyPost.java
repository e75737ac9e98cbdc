package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.targettype.TargetTypeService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One target type to create, with the distribution set types it can install; key or name may be left out. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetTypeRequestBodyPost(
        @Size(max = 128) String name,
        @Size(max = 64) String key,
        @Size(max = 512) String description,
        @Size(max = 16) String colour,
        List<@Valid @NotNull MgmtId> compatibledistributionsettypes) {

    TargetTypeService.Create toCreate() {
        return new TargetTypeService.Create(
                key,
                name,
                description,
                colour,
                compatibledistributionsettypes == null
                        ? List.of()
                        : compatibledistributionsettypes.stream()
                                .map(MgmtId::id)
                                .toList());
    }
}
