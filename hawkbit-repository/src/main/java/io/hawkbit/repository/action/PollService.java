package io.hawkbit.repository.action;

import io.hawkbit.repository.CacheNames;
import io.hawkbit.repository.CacheNames.TargetKey;
import io.hawkbit.repository.ReadThroughCache;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.EventProperties;
import io.hawkbit.repository.event.TargetCreatedEvent;
import io.hawkbit.repository.event.TargetPolledEvent;
import io.hawkbit.repository.target.ControllerIds;
import io.hawkbit.repository.target.PollRecorder;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetTokens;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.CacheManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The DDI hot path: who a device is and what its base poll answers, read through the node's caches, with the
 * poll itself recorded write-behind. An unchanged device's steady-state poll touches no database at all; every
 * change that alters an answer publishes an event that evicts the affected entries on every node.
 */
@Service
public class PollService {

    /** What DDI authentication and the poll need of a target. */
    public record Device(long id, String controllerId, String securityToken, boolean requestAttributes) {}

    /**
     * The action a device works on: enough to build its links and their change hash. {@code maintenanceWindow} is
     * null for an action without one.
     */
    public record OpenAction(
            long id,
            boolean canceling,
            long revision,
            ActionType type,
            long forcedTime,
            MaintenanceWindow maintenanceWindow,
            boolean waitingConfirmation) {

        public boolean forcedAt(long now) {
            return type == ActionType.FORCED || (type == ActionType.TIMEFORCED && now >= forcedTime);
        }

        /** Whether the device may install now: always without a window, else while one is open. */
        public boolean installableAt(Instant now) {
            return maintenanceWindow == null || maintenanceWindow.isOpen(now);
        }
    }

    /** What the device should do next: its open action, or else its last installed one. */
    public record PollState(Optional<OpenAction> open, Optional<Long> installedActionId) {}

    /** A base poll's answer. */
    public record PollResult(Device device, PollState state, String pollingTime) {}

    private final TargetRepository targets;
    private final ActionRepository actions;
    private final TenantSettings settings;
    private final PollRecorder recorder;
    private final ClusterEventPublisher events;
    private final EventProperties eventProperties;
    private final Clock clock;
    private final ReadThroughCache devices;
    private final ReadThroughCache states;

    public PollService(
            TargetRepository targets,
            ActionRepository actions,
            TenantSettings settings,
            PollRecorder recorder,
            ClusterEventPublisher events,
            EventProperties eventProperties,
            Clock clock,
            CacheManager caches) {
        this.targets = targets;
        this.actions = actions;
        this.settings = settings;
        this.recorder = recorder;
        this.events = events;
        this.eventProperties = eventProperties;
        this.clock = clock;
        this.devices = new ReadThroughCache(caches, CacheNames.TARGETS);
        this.states = new ReadThroughCache(caches, CacheNames.POLL_STATE);
    }

    /** The device whose stored controllerId is exactly the given one, if the tenant knows it. */
    public Optional<Device> device(String tenant, String controllerId) {
        return devices.get(new TargetKey(tenant, controllerId), () -> find(tenant, controllerId));
    }

    /**
     * Cache entries are evicted under the stored id, so only the stored spelling may hold a device: a database
     * comparing ids loosely (a case-insensitive collation) must not let {@code ROT-01} reach, and be cached as,
     * {@code rot-01}, where no eviction would find it.
     */
    private Optional<Device> find(String tenant, String controllerId) {
        return targets.findByTenantAndControllerId(tenant, controllerId)
                .filter(target -> target.getControllerId().equals(controllerId))
                .map(PollService::toDevice);
    }

    /** Answers a base poll, registering the device on first contact and recording the poll. */
    public PollResult poll(String tenant, String controllerId, String address) {
        Device device = device(tenant, controllerId).orElseGet(() -> register(tenant, controllerId));
        recorder.record(device.id(), clock.millis(), address);
        if (eventProperties.isTargetPolled()) {
            events.publish(new TargetPolledEvent(tenant, device.id(), controllerId, events.origin()));
        }
        PollState state = states.get(
                new TargetKey(tenant, controllerId),
                () -> load(device.id(), settings.enabled(tenant, TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED)));
        return new PollResult(device, state, pollingTime(tenant, state));
    }

    /** The tenant's polling time, shortened while the open action waits for its maintenance window (as hawkBit). */
    private String pollingTime(String tenant, PollState state) {
        String normal = settings.pollingTime(tenant);
        MaintenanceWindow window = state.open()
                .filter(open -> !open.canceling())
                .map(OpenAction::maintenanceWindow)
                .orElse(null);
        if (window == null) {
            return normal;
        }
        Duration normalInterval = TenantConfigKey.parsePollingTime(normal).orElseThrow();
        Instant now = clock.instant();
        Duration interval = MaintenancePolling.interval(
                normalInterval,
                settings.duration(tenant, TenantConfigKey.MIN_POLLING_TIME),
                pollCount(tenant),
                now,
                window.start(now).orElse(null));
        return interval.equals(normalInterval) ? normal : MaintenancePolling.format(interval);
    }

    private int pollCount(String tenant) {
        try {
            return Integer.parseInt(settings.value(tenant, TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT));
        } catch (NumberFormatException e) {
            return Integer.parseInt(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.defaultValue());
        }
    }

    private PollState load(long targetId, boolean multiAssignment) {
        List<Action> active = actions.findActive(targetId);
        Optional<OpenAction> open = (multiAssignment ? ActionWeights.inServingOrder(active) : active)
                .stream()
                        .findFirst()
                        .map(a -> new OpenAction(
                                a.getId(),
                                a.isCancelingOrCanceled(),
                                a.getOptLockRevision(),
                                a.getActionType(),
                                a.getForcedTime(),
                                a.getMaintenanceWindow().orElse(null),
                                a.isWaitingConfirmation()));
        Optional<Long> installed = open.isPresent()
                ? Optional.empty()
                // Actions of several sets finish in any order: the installed one is that of the installed set.
                : (multiAssignment
                                ? actions.findInstalled(targetId, PageRequest.of(0, 1))
                                : actions.findFinished(targetId, PageRequest.of(0, 1)))
                        .stream().findFirst().map(Action::getId);
        return new PollState(open, installed);
    }

    private Device register(String tenant, String controllerId) {
        ControllerIds.check(controllerId);
        Target target =
                new Target(tenant, controllerId, ControllerIds.defaultName(controllerId), TargetTokens.generate());
        target.setUpdateStatus(TargetUpdateStatus.REGISTERED);
        try {
            Target saved = targets.saveAndFlush(target);
            events.publish(new TargetCreatedEvent(tenant, saved.getId(), controllerId, events.origin()));
            return toDevice(saved);
        } catch (DataIntegrityViolationException e) {
            // Two first polls of one device raced; the other one registered it.
            return find(tenant, controllerId).orElseThrow(() -> e);
        }
    }

    private static Device toDevice(Target target) {
        return new Device(
                target.getId(),
                target.getControllerId(),
                target.getSecurityToken(),
                target.isRequestControllerAttributes());
    }
}
