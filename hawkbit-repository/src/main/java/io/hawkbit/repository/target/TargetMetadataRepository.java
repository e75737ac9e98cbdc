package io.hawkbit.repository.target;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Metadata entries of targets, read-only. */
interface TargetMetadataRepository
        extends JpaRepository<TargetMetadata, TargetMetadata.Key>, JpaSpecificationExecutor<TargetMetadata> {}
