package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import io.hawkbit.server.mgmt.softwaremodule.MgmtSoftwareModule;
import java.util.List;

/**
 * hawkBit's distribution set as the Management API shows it; {@code type} is the type's key. {@code valid} turns false
 * when an operator invalidates the set ({@code POST …/invalidate}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtDistributionSet(
        Long id,
        String name,
        String description,
        String version,
        List<MgmtSoftwareModule> modules,
        boolean requiredMigrationStep,
        String type,
        String typeName,
        Boolean complete,
        boolean deleted,
        boolean locked,
        boolean valid,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/distributionsets/";

    /** A list item: only the self link. */
    public static MgmtDistributionSet of(DistributionSet set) {
        return of(set, Links.self(PATH + set.getId()));
    }

    /** A single resource with the links to its modules and type. */
    public static MgmtDistributionSet detailed(DistributionSet set) {
        return of(
                set,
                Links.self(PATH + set.getId())
                        .with("modules", PATH + set.getId() + "/assignedSM?offset=0&limit=50")
                        .with(
                                "type",
                                "/rest/v1/distributionsettypes/" + set.getType().getId())
                        .with("metadata", PATH + set.getId() + "/metadata"));
    }

    private static MgmtDistributionSet of(DistributionSet set, Links links) {
        return new MgmtDistributionSet(
                set.getId(),
                set.getName(),
                set.getDescription(),
                set.getVersion(),
                set.getModules().stream().map(MgmtSoftwareModule::of).toList(),
                set.isRequiredMigrationStep(),
                set.getType().getKey(),
                set.getType().getName(),
                set.isComplete(),
                set.isDeleted(),
                set.isLocked(),
                set.isValid(),
                MgmtAudit.of(set),
                links);
    }
}
