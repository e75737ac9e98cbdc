package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.distribution.DistributionSetService;
import jakarta.validation.constraints.Size;

/** The changeable fields of a distribution set; absent fields stay as they are. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDistributionSetRequestBodyPut(
        @Size(min = 1, max = 128) String name,
        @Size(min = 1, max = 64) String version,
        @Size(max = 512) String description,
        Boolean requiredMigrationStep,
        Boolean locked) {

    DistributionSetService.Update toUpdate() {
        return new DistributionSetService.Update(name, version, description, requiredMigrationStep, locked);
    }
}
