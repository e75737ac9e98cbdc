package io.hawkbit.repository.softwaremodule;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Metadata entries of software modules, read-only. */
interface SoftwareModuleMetadataRepository
        extends JpaRepository<SoftwareModuleMetadata, SoftwareModuleMetadata.Key>,
                JpaSpecificationExecutor<SoftwareModuleMetadata> {

    /** The entries devices see, of the given modules, by module and key. */
    List<SoftwareModuleMetadata> findBySoftwareModuleIdInAndTargetVisibleTrueOrderBySoftwareModuleIdAscKeyAsc(
            Collection<Long> softwareModuleIds);
}
