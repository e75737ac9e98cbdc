package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.SoftwareModuleCreatedEvent;
import io.hawkbit.repository.event.SoftwareModuleDeletedEvent;
import io.hawkbit.repository.event.SoftwareModuleUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Use cases of software modules and their artifacts. */
@Service
public class SoftwareModuleService {

    /** hawkBit 1.1's {@code SoftwareModuleFields}, plus {@code vendor} and {@code deleted} kept from before. */
    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
                    Map.entry("id", "id"),
                    Map.entry("name", "name"),
                    Map.entry("version", "version"),
                    Map.entry("vendor", "vendor"),
                    Map.entry("description", "description"),
                    Map.entry("type", "type.key"),
                    Map.entry("type.id", "type.id"),
                    Map.entry("type.key", "type.key"),
                    Map.entry("type.name", "type.name"),
                    Map.entry("deleted", "deleted"),
                    Map.entry("createdAt", "createdAt"),
                    Map.entry("createdBy", "createdBy"),
                    Map.entry("lastModifiedAt", "lastModifiedAt"),
                    Map.entry("lastModifiedBy", "lastModifiedBy")))
            .withMap("metadata", "metadata.value");

    private final SoftwareModuleRepository modules;
    private final SoftwareModuleTypeService types;
    private final ArtifactRepository artifacts;
    private final ArtifactStore store;
    private final ArtifactIntegrity integrity;
    private final ClusterEventPublisher events;
    private final BatchQuota quota;

    public SoftwareModuleService(
            SoftwareModuleRepository modules,
            SoftwareModuleTypeService types,
            ArtifactRepository artifacts,
            ArtifactStore store,
            ArtifactIntegrity integrity,
            ClusterEventPublisher events,
            BatchQuota quota) {
        this.events = events;
        this.quota = quota;
        this.modules = modules;
        this.types = types;
        this.artifacts = artifacts;
        this.store = store;
        this.integrity = integrity;
    }

    public record Create(String type, String name, String version, String vendor, String description) {}

    /**
     * Creates all or none, with one look-up of existing type + name + version and one flush. Types are looked up
     * before anything is saved, so those look-ups never flush the batch.
     */
    @Transactional
    public List<SoftwareModule> create(String tenant, List<Create> creates) {
        quota.check(creates.size(), "software modules");
        Map<String, SoftwareModuleType> typesByKey = new HashMap<>();
        Set<List<String>> keys = new HashSet<>();
        List<SoftwareModule> built = new ArrayList<>();
        for (Create create : creates) {
            SoftwareModuleType type = typesByKey.computeIfAbsent(create.type(), key -> types.getByKey(tenant, key));
            if (!keys.add(List.of(type.getKey(), create.name(), create.version()))) {
                throw new EntityAlreadyExistsException("The request names software module " + create.name() + ":"
                        + create.version() + " of type " + create.type() + " more than once");
            }
            SoftwareModule module = new SoftwareModule(tenant, type, create.name(), create.version());
            module.setVendor(create.vendor());
            module.setDescription(create.description());
            built.add(module);
        }
        BatchQuota.inChunks(
                        creates.stream().map(Create::name).distinct().toList(),
                        names -> modules.findTypeNameVersions(tenant, names))
                .stream()
                .map(row -> List.of((String) row[0], (String) row[1], (String) row[2]))
                .filter(keys::contains)
                .findFirst()
                .ifPresent(key -> {
                    throw new EntityAlreadyExistsException("Software module " + key.get(1) + ":" + key.get(2)
                            + " of type " + key.get(0) + " already exists");
                });
        List<SoftwareModule> saved = modules.saveAll(built);
        modules.flush();
        saved.forEach(
                module -> events.publish(new SoftwareModuleCreatedEvent(tenant, module.getId(), events.origin())));
        return saved;
    }

    @Transactional(readOnly = true)
    public SoftwareModule get(String tenant, Long id) {
        return modules.findByTenantAndId(tenant, id)
                .orElseThrow(() -> new EntityNotFoundException("SoftwareModule", id));
    }

    @Transactional(readOnly = true)
    public Page<SoftwareModule> find(String tenant, String rsql, Pageable pageable) {
        Specification<SoftwareModule> spec = RsqlSpecification.<SoftwareModule>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(cb.equal(root.get("tenant"), tenant), cb.isFalse(root.get("deleted"))));
        return modules.findAll(spec, pageable);
    }

    @Transactional
    public SoftwareModule update(String tenant, Long id, String vendor, String description) {
        SoftwareModule module = get(tenant, id);
        if (vendor != null) {
            module.setVendor(vendor);
        }
        if (description != null) {
            module.setDescription(description);
        }
        events.publish(new SoftwareModuleUpdatedEvent(tenant, id, events.origin()));
        return modules.saveAndFlush(module);
    }

    /** A module in a distribution set is only marked deleted (devices may still need it); others go away with their artifacts. */
    @Transactional
    public void delete(String tenant, Long id) {
        SoftwareModule module = get(tenant, id);
        events.publish(new SoftwareModuleDeletedEvent(tenant, id, events.origin()));
        if (modules.isInAnyDistributionSet(id)) {
            module.markDeleted();
            return;
        }
        List<String> hashes =
                module.getArtifacts().stream().map(Artifact::getSha1).toList();
        modules.delete(module);
        modules.flush();
        hashes.forEach(sha1 -> deleteFileIfUnused(tenant, sha1));
    }

    /** Expected hashes given by the uploader; any may be null. */
    public record ExpectedHashes(String sha1, String md5, String sha256) {}

    @Transactional
    public Artifact upload(
            String tenant, Long moduleId, String filename, InputStream content, ExpectedHashes expected) {
        SoftwareModule module = get(tenant, moduleId);
        if (module.isDeleted()) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        if (artifacts.findBySoftwareModuleIdAndFilename(moduleId, filename).isPresent()) {
            throw new EntityAlreadyExistsException(
                    "Artifact '" + filename + "' already exists in software module " + moduleId);
        }
        ArtifactStore.Stored stored = store.store(tenant, content, file -> {
            checkHash(ServerError.ARTIFACT_SHA1_MISMATCH, expected.sha1(), file.sha1());
            checkHash(ServerError.ARTIFACT_MD5_MISMATCH, expected.md5(), file.md5());
            checkHash(ServerError.ARTIFACT_SHA256_MISMATCH, expected.sha256(), file.sha256());
        });
        if (stored.created()) {
            deleteFileOnRollback(tenant, stored.file().sha1());
            // Whatever the store, what it now holds must be what was received.
            integrity.checkStored(tenant, stored.file());
        }
        Artifact artifact = new Artifact(module, filename, stored.file());
        module.getArtifacts().add(artifact);
        events.publish(new SoftwareModuleUpdatedEvent(tenant, moduleId, events.origin()));
        return artifacts.saveAndFlush(artifact);
    }

    private static void checkHash(ServerError error, String expected, String actual) {
        if (expected != null && !expected.isBlank() && !expected.equalsIgnoreCase(actual)) {
            throw new HawkbitException(
                    error, "The given checksum " + expected + " does not match the uploaded file (" + actual + ")");
        }
    }

    @Transactional(readOnly = true)
    public List<Artifact> artifacts(String tenant, Long moduleId) {
        get(tenant, moduleId);
        return artifacts.findBySoftwareModuleIdOrderById(moduleId);
    }

    @Transactional(readOnly = true)
    public Artifact artifact(String tenant, Long moduleId, Long artifactId) {
        get(tenant, moduleId);
        return artifacts
                .findBySoftwareModuleIdAndId(moduleId, artifactId)
                .orElseThrow(() -> new EntityNotFoundException("Artifact", artifactId));
    }

    @Transactional
    public void deleteArtifact(String tenant, Long moduleId, Long artifactId) {
        Artifact artifact = artifact(tenant, moduleId, artifactId);
        artifact.getSoftwareModule().getArtifacts().remove(artifact);
        artifacts.delete(artifact);
        artifacts.flush();
        events.publish(new SoftwareModuleUpdatedEvent(tenant, moduleId, events.origin()));
        deleteFileIfUnused(tenant, artifact.getSha1());
    }

    /**
     * Removes the file this upload added when its transaction rolls back (a racing upload of the same name, a database
     * failure): no committed artifact can point to a file that was not there before. One window is left, as for
     * deletes: a concurrent upload of equal content that found this file and commits later.
     */
    private void deleteFileOnRollback(String tenant, String sha1) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    store.delete(tenant, sha1);
                }
            }
        });
    }

    /** After commit only: a rolled-back delete must find its file still there. */
    private void deleteFileIfUnused(String tenant, String sha1) {
        if (artifacts.existsByTenantAndSha1(tenant, sha1)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store.delete(tenant, sha1);
                }
            });
        } else {
            store.delete(tenant, sha1);
        }
    }
}
