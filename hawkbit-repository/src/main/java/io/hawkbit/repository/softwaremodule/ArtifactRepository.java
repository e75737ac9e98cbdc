package io.hawkbit.repository.softwaremodule;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Artifact metadata; the bytes are in the {@link ArtifactStore}. */
public interface ArtifactRepository extends JpaRepository<Artifact, Long> {

    List<Artifact> findBySoftwareModuleIdOrderById(Long softwareModuleId);

    Optional<Artifact> findBySoftwareModuleIdAndFilename(Long softwareModuleId, String filename);

    Optional<Artifact> findBySoftwareModuleIdAndId(Long softwareModuleId, Long id);

    boolean existsByTenantAndSha1(String tenant, String sha1);
}
