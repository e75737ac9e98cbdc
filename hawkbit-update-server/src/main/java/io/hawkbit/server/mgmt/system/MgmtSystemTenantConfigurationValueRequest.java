package io.hawkbit.server.mgmt.system;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A new value for a setting: a JSON boolean, number or string depending on the key. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSystemTenantConfigurationValueRequest(Object value) {}
