package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.distribution.DistributionSetService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One distribution set to create; {@code type} is a type key (the tenant default when absent). The single-module
 * fields {@code os}, {@code runtime} and {@code application} are hawkBit's deprecated form of {@code modules}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDistributionSetRequestBodyPost(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 64) String version,
        @Size(max = 512) String description,
        @Size(max = 64) String type,
        List<@Valid @NotNull MgmtSoftwareModuleAssignment> modules,
        Boolean requiredMigrationStep,
        @Valid MgmtSoftwareModuleAssignment os,
        @Valid MgmtSoftwareModuleAssignment runtime,
        @Valid MgmtSoftwareModuleAssignment application) {

    DistributionSetService.Create toCreate() {
        List<Long> ids = new ArrayList<>();
        if (modules != null) {
            modules.forEach(m -> ids.add(m.id()));
        }
        Stream.of(os, runtime, application)
                .filter(m -> m != null && !ids.contains(m.id()))
                .forEach(m -> ids.add(m.id()));
        return new DistributionSetService.Create(name, version, description, type, ids, requiredMigrationStep);
    }
}
