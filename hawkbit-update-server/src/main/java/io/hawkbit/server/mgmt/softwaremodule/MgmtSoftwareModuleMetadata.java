package io.hawkbit.server.mgmt.softwaremodule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadata;
import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadataService;

/** hawkBit's module metadata entry; {@code targetVisible} entries reach devices. Absent on create means false. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtSoftwareModuleMetadata(String key, String value, Boolean targetVisible) {

    static MgmtSoftwareModuleMetadata of(SoftwareModuleMetadata entry) {
        return new MgmtSoftwareModuleMetadata(entry.getKey(), entry.getValue(), entry.isTargetVisible());
    }

    SoftwareModuleMetadataService.Write toWrite() {
        return new SoftwareModuleMetadataService.Write(key, value, Boolean.TRUE.equals(targetVisible));
    }
}
