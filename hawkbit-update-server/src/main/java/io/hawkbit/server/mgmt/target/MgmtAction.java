package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's action: one deployment (or its cancelation) of a distribution set to a target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtAction(Long id, String type, String status, String detailStatus, String forceType, Long forceTime,
        Integer weight, Integer lastStatusCode, Long rollout, String rolloutName, @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    /** A list item: only the self link. */
    public static MgmtAction of(Action action, String controllerId) {
        return of(action, Links.self(path(controllerId, action.getId())));
    }

    /** A single resource, with links to its target, distribution set and status history. */
    public static MgmtAction detailed(Action action, String controllerId) {
        String path = path(controllerId, action.getId());
        Links links = Links.self(path);
        if (action.isCancelingOrCanceled()) {
            links.with("canceledaction", path);
        }
        links.with("target", MgmtTarget.PATH + controllerId)
                .with("distributionset", "/rest/v1/distributionsets/" + action.getDistributionSet().getId())
                .with("status", path + "/status?offset=0&limit=50&sort=id:DESC");
        if (action.getRollout() != null) {
            links.with("rollout", "/rest/v1/rollouts/" + action.getRollout().getId());
        }
        return of(action, links);
    }

    /** Reads an assignment's {@code type}; absent means forced, anything unknown is a 400. */
    public static ActionType parseForceType(String type) {
        if (type == null) {
            return ActionType.FORCED;
        }
        return ActionType.fromJson(type).orElseThrow(() -> new HawkbitException(ServerError.PARAM_INVALID,
                "The assignment type '" + type + "' is not valid; expected soft, forced, timeforced or downloadonly"));
    }

    private static String path(String controllerId, Long actionId) {
        return MgmtTarget.PATH + controllerId + "/actions/" + actionId;
    }

    private static MgmtAction of(Action action, Links links) {
        return new MgmtAction(action.getId(), action.isCancelingOrCanceled() ? "cancel" : "update",
                action.isActive() ? "pending" : "finished", action.getStatus().json(), action.getActionType().json(),
                action.getActionType() == ActionType.TIMEFORCED ? action.getForcedTime() : null, action.getWeight(),
                action.getLastActionStatusCode(), action.getRollout() == null ? null : action.getRollout().getId(),
                action.getRollout() == null ? null : action.getRollout().getName(), MgmtAudit.of(action), links);
    }
}
