package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.DeviceActions;
import io.hawkbit.repository.action.DeviceFeedback;
import io.hawkbit.repository.action.DeviceHistory;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadata;
import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadataService;
import io.hawkbit.rest.security.DdiPrincipal;
import io.hawkbit.server.artifact.StoredArtifacts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deployment, cancel and installed-base resources of one device, and its feedback. */
@RestController
@RequestMapping(
        value = "/{tenant}/controller/v1/{controllerId}",
        produces = {MediaType.APPLICATION_JSON_VALUE, "application/hal+json"})
class DdiDeploymentController {

    private static final Logger LOG = LoggerFactory.getLogger(DdiDeploymentController.class);

    /** Upper bound of history entries a device may ask for. */
    private static final int MAX_HISTORY = 100;

    private final DeviceActions deviceActions;
    private final DeviceFeedback feedback;
    private final DeviceHistory deviceHistory;
    private final SoftwareModuleMetadataService metadata;
    private final Clock clock;
    private final StoredArtifacts stored;

    public DdiDeploymentController(
            DeviceActions deviceActions,
            DeviceFeedback feedback,
            DeviceHistory history,
            SoftwareModuleMetadataService metadata,
            Clock clock,
            StoredArtifacts stored) {
        this.deviceActions = deviceActions;
        this.feedback = feedback;
        this.deviceHistory = history;
        this.metadata = metadata;
        this.clock = clock;
        this.stored = stored;
    }

    @GetMapping("/deploymentBase/{actionId}")
    public DdiJson.DeploymentBase deploymentBase(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestParam(defaultValue = "0") int actionHistory) {
        Action action = deviceActions.deploymentAction(principal.tenant(), controllerId, actionId);
        DdiJson.DeploymentBase base = toDeploymentBase(principal, controllerId, action, actionHistory, true);
        // As hawkBit: the history shows that the device fetched its deployment (written after the answer is built, so
        // its own actionHistory does not include it).
        recordRetrieved(action, false);
        return base;
    }

    @GetMapping("/installedBase/{actionId}")
    public DdiJson.DeploymentBase installedBase(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestParam(defaultValue = "0") int actionHistory) {
        Action action = deviceActions.installedAction(principal.tenant(), controllerId, actionId);
        return toDeploymentBase(principal, controllerId, action, actionHistory, false);
    }

    @PostMapping(value = "/deploymentBase/{actionId}/feedback", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> feedback(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestBody DdiJson.ActionFeedback body) {
        feedback.deploymentFeedback(principal.tenant(), controllerId, actionId, DdiFeedbackParser.parse(body));
        return ResponseEntity.ok().build();
    }

    @GetMapping("/cancelAction/{actionId}")
    public DdiJson.Cancel cancelAction(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId) {
        Action action = deviceActions.cancelAction(principal.tenant(), controllerId, actionId);
        recordRetrieved(action, true);
        String id = String.valueOf(action.getId());
        return new DdiJson.Cancel(id, new DdiJson.CancelActionToStop(id));
    }

    @PostMapping(value = "/cancelAction/{actionId}/feedback", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> cancelFeedback(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestBody DdiJson.ActionFeedback body) {
        feedback.cancelFeedback(principal.tenant(), controllerId, actionId, DdiFeedbackParser.parse(body));
        return ResponseEntity.ok().build();
    }

    /** The history entry is informational: failing to write it must not fail the device's read. */
    private void recordRetrieved(Action action, boolean cancel) {
        try {
            deviceHistory.retrieved(action.getId(), cancel);
        } catch (DataAccessException | TransactionException e) {
            LOG.warn("Could not record that action {} was retrieved", action.getId(), e);
        }
    }

    /** {@code directLinks}: artifact links may point straight at the store (pre-signed S3 URLs) where configured. */
    DdiJson.DeploymentBase toDeploymentBase(
            DdiPrincipal principal, String controllerId, Action action, int history, boolean directLinks) {
        DdiLinks links = new DdiLinks(principal.tenant(), controllerId);
        List<SoftwareModule> modules = action.getDistributionSet().getModules();
        Map<Long, List<SoftwareModuleMetadata>> visible = metadata.targetVisible(
                modules.stream().map(SoftwareModule::getId).toList());
        List<DdiJson.Chunk> chunks = modules.stream()
                .map(module -> toChunk(module, visible.getOrDefault(module.getId(), List.of()), links, directLinks))
                .toList();
        String download = action.getActionType() == ActionType.DOWNLOAD_ONLY || action.isForcedAt(clock.millis())
                ? "forced"
                : "attempt";
        // As hawkBit: outside its maintenance window a device may download but not install, whatever the type.
        String maintenanceWindow = action.getMaintenanceWindow()
                .map(window -> window.isOpen(clock.instant()) ? "available" : "unavailable")
                .orElse(null);
        String update = action.getActionType() == ActionType.DOWNLOAD_ONLY || "unavailable".equals(maintenanceWindow)
                ? "skip"
                : download;
        return new DdiJson.DeploymentBase(
                String.valueOf(action.getId()),
                new DdiJson.Deployment(download, update, maintenanceWindow, chunks),
                history(action, history));
    }

    private DdiJson.ActionHistory history(Action action, int requested) {
        if (requested == 0) {
            return null;
        }
        int count = requested < 0 ? MAX_HISTORY : Math.min(requested, MAX_HISTORY);
        return new DdiJson.ActionHistory(action.getStatus().name(), deviceActions.history(action.getId(), count));
    }

    /** Pre-signed download links only where a device is about to download (deploymentBase), not in installedBase. */
    private DdiJson.Chunk toChunk(
            SoftwareModule module, List<SoftwareModuleMetadata> visible, DdiLinks links, boolean directLinks) {
        List<DdiJson.Artifact> artifacts = module.getArtifacts().stream()
                .map(a -> links.artifact(module.getId(), a, directLinks ? stored.directLink(a) : Optional.empty()))
                .toList();
        List<DdiJson.Metadata> chunkMetadata = visible.isEmpty()
                ? null
                : visible.stream()
                        .map(m -> new DdiJson.Metadata(m.getKey(), m.getValue()))
                        .toList();
        return new DdiJson.Chunk(
                part(module.getType().getKey()), module.getVersion(), module.getName(), artifacts, chunkMetadata);
    }

    /** hawkBit names two default module types differently on the DDI wire; clients written for it expect these. */
    private static String part(String typeKey) {
        return switch (typeKey) {
            case "application" -> "bApp";
            case "runtime" -> "jvm";
            default -> typeKey;
        };
    }
}
