package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.time.Instant;

/**
 * hawkBit 1.1's action: one deployment (or its cancelation) of a distribution set to a target. {@code status} is the
 * detailed state (running, finished, error, canceling, ...) and {@code active} tells open from closed, as in 1.1.
 * {@code detailStatus}, which 1.1 dropped, repeats {@code status} so that scripts written for hawkBit 0.x, where
 * {@code status} was only pending/finished, still find the detailed state where they read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtAction(
        Long id,
        String type,
        String status,
        boolean active,
        String detailStatus,
        String forceType,
        Long forceTime,
        Integer weight,
        Integer lastStatusCode,
        Long rollout,
        String rolloutName,
        MgmtMaintenanceWindow maintenanceWindow,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    /** A list item: only the self link. {@code rolloutName} is that of the action's rollout, null without one. */
    static MgmtAction of(Action action, String controllerId, String rolloutName, Instant now) {
        return of(action, Links.self(path(controllerId, action.getId())), rolloutName, now);
    }

    /** A single resource, with links to its target, distribution set and status history. */
    static MgmtAction detailed(Action action, String controllerId, String rolloutName, Instant now) {
        String path = path(controllerId, action.getId());
        Links links = Links.self(path);
        if (action.isCancelingOrCanceled()) {
            links.with("canceledaction", path);
        }
        DistributionSet set = action.getDistributionSet();
        links.withNamed(
                        "target",
                        Links.TARGETS + controllerId,
                        action.getTarget().getName())
                .withNamed(
                        "distributionset",
                        "/rest/v1/distributionsets/" + set.getId(),
                        set.getName() + ":" + set.getVersion())
                .with("status", path + "/status?offset=0&limit=50&sort=id:DESC");
        if (action.getRolloutId() != null) {
            links.withNamed("rollout", "/rest/v1/rollouts/" + action.getRolloutId(), rolloutName);
        }
        return of(action, links, rolloutName, now);
    }

    /** Reads an assignment's {@code type}; absent means forced, anything unknown is a 400. */
    public static ActionType parseForceType(String type) {
        if (type == null) {
            return ActionType.FORCED;
        }
        return ActionType.fromJson(type)
                .orElseThrow(() -> new HawkbitException(
                        ServerError.PARAM_INVALID,
                        "The assignment type '" + type
                                + "' is not valid; expected soft, forced, timeforced or downloadonly"));
    }

    private static String path(String controllerId, Long actionId) {
        return Links.TARGETS + controllerId + "/actions/" + actionId;
    }

    private static MgmtAction of(Action action, Links links, String rolloutName, Instant now) {
        String status = action.getStatus().json();
        return new MgmtAction(
                action.getId(),
                action.isCancelingOrCanceled() ? "cancel" : "update",
                status,
                action.isActive(),
                status,
                action.getActionType().json(),
                action.getActionType() == ActionType.TIMEFORCED ? action.getForcedTime() : null,
                action.getWeight(),
                action.getLastActionStatusCode(),
                action.getRolloutId(),
                rolloutName,
                action.getMaintenanceWindow()
                        .map(window -> MgmtMaintenanceWindow.of(window, now))
                        .orElse(null),
                MgmtAudit.of(action),
                links);
    }
}
