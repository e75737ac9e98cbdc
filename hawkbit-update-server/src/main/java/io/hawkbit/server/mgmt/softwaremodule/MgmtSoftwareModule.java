package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/**
 * hawkBit's software module as the Management API shows it. {@code encrypted}, {@code locked} and {@code complete} are
 * what hawkBit 1.1 would compute for this server's modules: no artifact encryption, no module lock (a locked set fixes
 * which modules it holds, not their artifacts), and no minimum artifact count ({@code minArtifacts} is 0 for every type),
 * so a module is always complete.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtSoftwareModule(
        Long id,
        String name,
        String description,
        String version,
        String type,
        String typeName,
        String vendor,
        boolean encrypted,
        boolean locked,
        boolean complete,
        boolean deleted,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/softwaremodules/";

    /** A list item: only the self link. */
    public static MgmtSoftwareModule of(SoftwareModule module) {
        return of(module, Links.self(PATH + module.getId()));
    }

    static MgmtSoftwareModule detailed(SoftwareModule module) {
        return of(
                module,
                Links.self(PATH + module.getId())
                        .with("artifacts", PATH + module.getId() + "/artifacts")
                        .with(
                                "type",
                                "/rest/v1/softwaremoduletypes/"
                                        + module.getType().getId())
                        .with("metadata", PATH + module.getId() + "/metadata"));
    }

    private static MgmtSoftwareModule of(SoftwareModule module, Links links) {
        return new MgmtSoftwareModule(
                module.getId(),
                module.getName(),
                module.getDescription(),
                module.getVersion(),
                module.getType().getKey(),
                module.getType().getName(),
                module.getVendor(),
                false,
                false,
                true,
                module.isDeleted(),
                MgmtAudit.of(module),
                links);
    }
}
