package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hawkbit.repository.action.ActionStatus;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.util.List;

/**
 * One entry of an action's status history, as hawkBit 1.1: {@code timestamp} is when it happened (the device's time
 * where its feedback gave one), {@code reportedAt} when the server recorded it (both epoch millis).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtActionStatus(
        Long id, String type, List<String> messages, Long timestamp, Long reportedAt, Integer code) {

    public static MgmtActionStatus of(ActionStatus status) {
        return new MgmtActionStatus(
                status.getId(),
                status.getStatus().json(),
                List.copyOf(status.getMessages()),
                status.getOccurredAt(),
                MgmtAudit.millis(status.getCreatedAt()),
                status.getCode());
    }
}
