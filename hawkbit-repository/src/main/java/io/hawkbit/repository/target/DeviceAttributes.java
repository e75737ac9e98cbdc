package io.hawkbit.repository.target;

import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The attributes a device reports about itself (DDI configData). */
@Service
public class DeviceAttributes {

    static final int MAX_ATTRIBUTES = 100;

    private final TargetRepository targets;
    private final TargetEvents targetEvents;

    public DeviceAttributes(TargetRepository targets, TargetEvents targetEvents) {
        this.targets = targets;
        this.targetEvents = targetEvents;
    }

    /** DDI configData modes. */
    public enum Mode {
        MERGE,
        REPLACE,
        REMOVE
    }

    /** Applies a device's configData; more than {@link #MAX_ATTRIBUTES} in the end is a quota error, nothing written. */
    @Transactional
    public void update(String tenant, String controllerId, Mode mode, Map<String, String> data) {
        Target target = targets.findByTenantAndControllerId(tenant, controllerId)
                .orElseThrow(() -> new EntityNotFoundException("Target", controllerId));
        switch (mode) {
            case REPLACE -> {
                target.clearControllerAttributes();
                target.putControllerAttributes(data);
            }
            case REMOVE -> target.removeControllerAttributes(data.keySet());
            case MERGE -> target.putControllerAttributes(data);
        }
        if (target.getControllerAttributes().size() > MAX_ATTRIBUTES) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED, "A target may have at most " + MAX_ATTRIBUTES + " attributes");
        }
        target.setRequestControllerAttributes(false);
        targets.flush();
        targetEvents.updated(target);
    }
}
