package io.hawkbit.repository.distribution;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Metadata entries of distribution sets, read-only. */
interface DistributionSetMetadataRepository
        extends JpaRepository<DistributionSetMetadata, DistributionSetMetadata.Key>,
                JpaSpecificationExecutor<DistributionSetMetadata> {}
