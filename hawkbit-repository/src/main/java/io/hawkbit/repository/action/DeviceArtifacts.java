package io.hawkbit.repository.action;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.ArtifactRepository;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleRepository;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which artifacts a device may download: those of modules in sets ever assigned to it. */
@Service
public class DeviceArtifacts {

    private final TargetRepository targets;
    private final ActionRepository actions;
    private final ArtifactRepository artifacts;
    private final SoftwareModuleRepository modules;

    public DeviceArtifacts(
            TargetRepository targets,
            ActionRepository actions,
            ArtifactRepository artifacts,
            SoftwareModuleRepository modules) {
        this.targets = targets;
        this.actions = actions;
        this.artifacts = artifacts;
        this.modules = modules;
    }

    /** An artifact the device may download: it must belong to a set ever assigned to the device. */
    @Transactional(readOnly = true)
    public Artifact artifact(String tenant, String controllerId, Long moduleId, String filename) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        if (!actions.existsForTargetAndModule(target.getId(), moduleId)) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        return artifacts
                .findBySoftwareModuleIdAndFilename(moduleId, filename)
                .orElseThrow(() -> new EntityNotFoundException("Artifact", filename));
    }

    /** The artifacts of a module assigned to the device. */
    @Transactional(readOnly = true)
    public SoftwareModule module(String tenant, String controllerId, Long moduleId) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        if (!actions.existsForTargetAndModule(target.getId(), moduleId)) {
            throw new EntityNotFoundException("SoftwareModule", moduleId);
        }
        SoftwareModule module =
                modules.findById(moduleId).orElseThrow(() -> new EntityNotFoundException("SoftwareModule", moduleId));
        module.getArtifacts().size();
        return module;
    }
}
