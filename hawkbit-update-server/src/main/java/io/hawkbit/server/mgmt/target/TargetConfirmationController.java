package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.action.ActionConfirmation;
import io.hawkbit.repository.confirmation.AutoConfirmService;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The confirmation flow on the Management side: an operator answers for the device, and switches a target's
 * auto-confirmation. As hawkBit 1.1: 204 on success; an action that does not wait 404, a closed one 410; activating an
 * active auto-confirmation 409.
 */
@RestController
@RequestMapping("/rest/v1/targets/{controllerId}")
class TargetConfirmationController {

    private final ActionConfirmation confirmation;
    private final AutoConfirmService autoConfirm;
    private final CurrentUser user;

    TargetConfirmationController(ActionConfirmation confirmation, AutoConfirmService autoConfirm, CurrentUser user) {
        this.confirmation = confirmation;
        this.autoConfirm = autoConfirm;
        this.user = user;
    }

    @PutMapping("/actions/{actionId}/confirmation")
    public ResponseEntity<Void> confirmAction(
            @PathVariable String controllerId,
            @PathVariable Long actionId,
            @RequestBody MgmtActionConfirmationRequestBodyPut body) {
        confirmation.answer(user.tenant(), controllerId, actionId, body.toAnswer(), user.name());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/autoConfirm")
    public MgmtTargetAutoConfirm autoConfirm(@PathVariable String controllerId) {
        return MgmtTargetAutoConfirm.of(
                controllerId, autoConfirm.status(user.tenant(), controllerId).orElse(null));
    }

    @PostMapping("/autoConfirm/activate")
    public ResponseEntity<Void> activate(
            @PathVariable String controllerId, @RequestBody(required = false) MgmtTargetAutoConfirmUpdate body) {
        autoConfirm.activate(
                user.tenant(),
                controllerId,
                body == null ? null : body.initiator(),
                body == null ? null : body.remark(),
                user.name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/autoConfirm/deactivate")
    public ResponseEntity<Void> deactivate(@PathVariable String controllerId) {
        autoConfirm.deactivate(user.tenant(), controllerId);
        return ResponseEntity.noContent().build();
    }
}
