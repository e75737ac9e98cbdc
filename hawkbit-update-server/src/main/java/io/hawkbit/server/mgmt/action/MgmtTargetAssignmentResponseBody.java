package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.action.OfflineAssignment;
import java.util.List;

/** The outcome of an assignment: how many targets got a new action, how many had it already, and the new actions. */
public record MgmtTargetAssignmentResponseBody(
        int assigned, int alreadyAssigned, List<MgmtActionId> assignedActions, int total) {

    public static MgmtTargetAssignmentResponseBody of(List<DeploymentService.AssignmentResult> results) {
        List<MgmtActionId> actions = results.stream()
                .flatMap(r -> r.assigned().stream())
                .map(a -> MgmtActionId.of(a.controllerId(), a.actionId()))
                .toList();
        int already = results.stream().mapToInt(r -> r.alreadyAssigned().size()).sum();
        return new MgmtTargetAssignmentResponseBody(actions.size(), already, actions, actions.size() + already);
    }

    /** An offline assignment's outcome: the recorded (finished) actions and the targets left alone. */
    public static MgmtTargetAssignmentResponseBody ofOffline(List<OfflineAssignment.Result> results) {
        List<MgmtActionId> actions = results.stream()
                .flatMap(r -> r.recorded().stream())
                .map(a -> MgmtActionId.of(a.getTarget().getControllerId(), a.getId()))
                .toList();
        int already = results.stream()
                .mapToInt(OfflineAssignment.Result::alreadyAssigned)
                .sum();
        return new MgmtTargetAssignmentResponseBody(actions.size(), already, actions, actions.size() + already);
    }
}
