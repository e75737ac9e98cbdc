package io.hawkbit.repository.action;

import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history entries hawkBit writes for what a device fetches, not reports: {@code retrieved} when it reads its
 * deployment or cancel request, {@code download} when it starts downloading an artifact. They are informational: the
 * action's own state is left alone, so the poll answer and its ETag stay as they are. Neither entry may exhaust the
 * per-action quota that device feedback is held to: a repeated read writes nothing, and at the quota nothing more is
 * written (the device's request still succeeds).
 */
@Service
public class DeviceHistory {

    /** hawkBit's prefix of messages the server writes. */
    static final String SERVER = "Update Server: ";

    static final String RETRIEVED_DEPLOYMENT =
            SERVER + "Target retrieved update action and should start now the download.";

    static final String RETRIEVED_CANCEL =
            SERVER + "Target retrieved cancel action and should start now the cancellation.";

    private static final String CREATED_BY = "CONTROLLER_PLUG_AND_PLAY";

    private final ActionRepository actions;
    private final ActionStatusRepository statuses;
    private final TargetRepository targets;
    private final Clock clock;

    public DeviceHistory(
            ActionRepository actions, ActionStatusRepository statuses, TargetRepository targets, Clock clock) {
        this.actions = actions;
        this.statuses = statuses;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * Records that the device read the action's deploymentBase ({@code cancel} false) or cancelAction. As in hawkBit,
     * nothing is written while the newest entry already is a {@code retrieved} one, so a device re-reading its
     * deployment on every poll adds one entry, not one per read.
     */
    @Transactional
    public void retrieved(Long actionId, boolean cancel) {
        List<ActionState> latest = statuses.findLatestStatus(actionId, PageRequest.of(0, 1));
        if (!latest.isEmpty() && latest.get(0) == ActionState.RETRIEVED) {
            return;
        }
        write(actionId, ActionState.RETRIEVED, cancel ? RETRIEVED_CANCEL : RETRIEVED_DEPLOYMENT);
    }

    /**
     * Records that the device started downloading an artifact of the module, on the open action that deploys it; once
     * per action and file, so resumed or repeated downloads add nothing. Does nothing when no open action deploys the
     * module (a device may fetch artifacts of sets it was once assigned).
     */
    @Transactional
    public void downloading(String tenant, String controllerId, Long moduleId, String filename) {
        Optional<Target> target = targets.findByTenantAndControllerId(tenant, controllerId);
        if (target.isEmpty()) {
            return;
        }
        List<Long> open = actions.findOpenForModule(target.get().getId(), moduleId);
        if (open.isEmpty()) {
            return;
        }
        Long actionId = open.get(0);
        String message = SERVER + "Target downloads /" + tenant + "/controller/v1/" + controllerId + "/softwaremodules/"
                + moduleId + "/artifacts/" + filename;
        if (statuses.existsWithMessage(actionId, ActionState.DOWNLOAD, ActionStatus.clip(message))) {
            return;
        }
        write(actionId, ActionState.DOWNLOAD, message);
    }

    private void write(Long actionId, ActionState status, String message) {
        if (statuses.countByActionId(actionId) >= DeviceFeedback.MAX_STATUS_ENTRIES_PER_ACTION) {
            return;
        }
        actions.findById(actionId)
                .ifPresent(action -> statuses.save(
                        new ActionStatus(action, status, clock.millis(), null, List.of(message), CREATED_BY)));
    }
}
