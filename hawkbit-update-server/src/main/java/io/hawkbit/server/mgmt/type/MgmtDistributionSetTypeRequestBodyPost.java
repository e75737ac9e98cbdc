package io.hawkbit.server.mgmt.type;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.distribution.DistributionSetTypeService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One distribution set type to create, with the module types it requires and allows. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDistributionSetTypeRequestBodyPost(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 64) String key,
        @Size(max = 512) String description,
        @Size(max = 16) String colour,
        List<@Valid @NotNull MgmtId> mandatorymodules,
        List<@Valid @NotNull MgmtId> optionalmodules) {

    DistributionSetTypeService.Create toCreate() {
        return new DistributionSetTypeService.Create(
                key, name, description, colour, ids(mandatorymodules), ids(optionalmodules));
    }

    private static List<Long> ids(List<MgmtId> refs) {
        return refs == null ? List.of() : refs.stream().map(MgmtId::id).toList();
    }
}
