package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hawkbit.repository.action.ActionStatus;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.util.List;

/** One entry of an action's status history; {@code reportedAt} is when the server recorded it (epoch millis). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtActionStatus(Long id, String type, List<String> messages, Long reportedAt, Integer code) {

    public static MgmtActionStatus of(ActionStatus status) {
        return new MgmtActionStatus(
                status.getId(),
                status.getStatus().json(),
                List.copyOf(status.getMessages()),
                MgmtAudit.millis(status.getCreatedAt()),
                status.getCode());
    }
}
