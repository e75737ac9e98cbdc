package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** hawkBit's module metadata update body; what it leaves out (null) stays as it is. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleMetadataBodyPut(String value, Boolean targetVisible) {}
