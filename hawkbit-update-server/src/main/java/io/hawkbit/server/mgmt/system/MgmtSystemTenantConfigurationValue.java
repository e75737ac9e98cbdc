package io.hawkbit.server.mgmt.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** One tenant setting: its typed value, whether it is the global default, and who set it when the tenant overrides it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtSystemTenantConfigurationValue(
        @JsonInclude(JsonInclude.Include.ALWAYS) Object value,
        boolean global,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static MgmtSystemTenantConfigurationValue of(TenantConfigurationService.ConfigValue config) {
        return new MgmtSystemTenantConfigurationValue(
                config.key().typed(config.value()),
                config.global(),
                config.stored().map(MgmtAudit::of).orElse(null),
                Links.self("/rest/v1/system/configs/" + config.key().key()));
    }
}
