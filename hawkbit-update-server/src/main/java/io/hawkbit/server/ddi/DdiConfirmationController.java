package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionConfirmation;
import io.hawkbit.repository.action.DeviceActions;
import io.hawkbit.repository.action.PollService;
import io.hawkbit.repository.confirmation.AutoConfirmService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.security.DdiPrincipal;
import io.hawkbit.server.mgmt.Links;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The confirmation flow over DDI (hawkBit's confirmationBase): what waits for the device's consent, its answer, and its
 * auto-confirmation switch. Status codes as hawkBit's: feedback on an action that does not wait 404, on a closed one
 * 410; activating an active auto-confirmation 409.
 */
@RestController
@RequestMapping(
        value = "/{tenant}/controller/v1/{controllerId}/confirmationBase",
        produces = {MediaType.APPLICATION_JSON_VALUE, "application/hal+json"})
class DdiConfirmationController {

    /** hawkBit's remark when a device switches auto-confirmation on without a body. */
    static final String FALLBACK_REMARK =
            "Initiated using the Device Direct Integration API without providing a remark.";

    /** Who the history names for what a device did. */
    private static final String DEVICE = "CONTROLLER_PLUG_AND_PLAY";

    private final PollService polls;
    private final AutoConfirmService autoConfirm;
    private final ActionConfirmation confirmation;
    private final DeviceActions deviceActions;
    private final DdiDeploymentController deployments;
    private final Clock clock;

    DdiConfirmationController(
            PollService polls,
            AutoConfirmService autoConfirm,
            ActionConfirmation confirmation,
            DeviceActions deviceActions,
            DdiDeploymentController deployments,
            Clock clock) {
        this.polls = polls;
        this.autoConfirm = autoConfirm;
        this.confirmation = confirmation;
        this.deviceActions = deviceActions;
        this.deployments = deployments;
        this.clock = clock;
    }

    /** As hawkBit, counts as contact: an unknown device is registered and its poll time recorded. */
    @GetMapping
    public DdiConfirmationJson.ConfirmationBase confirmationBase(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            HttpServletRequest request) {
        PollService.PollResult poll = polls.poll(principal.tenant(), controllerId, "http://" + request.getRemoteAddr());
        DdiLinks ddi = new DdiLinks(principal.tenant(), controllerId);
        Links links = new Links();
        DdiConfirmationJson.AutoConfirmationState state = autoConfirm
                .status(principal.tenant(), controllerId)
                .map(s -> new DdiConfirmationJson.AutoConfirmationState(
                        true, s.getInitiator(), s.getRemark(), s.getActivatedAt()))
                .orElseGet(() -> new DdiConfirmationJson.AutoConfirmationState(false, null, null, 0L));
        if (state.active()) {
            links.withHref("deactivateAutoConfirm", ddi.deactivateAutoConfirm());
        } else {
            links.withHref("activateAutoConfirm", ddi.activateAutoConfirm());
        }
        poll.state()
                .open()
                .filter(PollService.OpenAction::waitingConfirmation)
                .ifPresent(action ->
                        links.withHref("confirmationBase", ddi.confirmationBase(action.id(), changeHash(action))));
        return new DdiConfirmationJson.ConfirmationBase(state, links);
    }

    @GetMapping("/{actionId}")
    public DdiConfirmationJson.ConfirmationBaseAction confirmationAction(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestParam(defaultValue = "0") int actionHistory) {
        Action action = deviceActions.confirmationAction(principal.tenant(), controllerId, actionId);
        DdiJson.DeploymentBase base =
                deployments.toDeploymentBase(principal, controllerId, action, actionHistory, false);
        return new DdiConfirmationJson.ConfirmationBaseAction(base.id(), base.deployment(), base.actionHistory());
    }

    @PostMapping(value = "/{actionId}/feedback", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> feedback(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @PathVariable long actionId,
            @RequestBody DdiConfirmationJson.ConfirmationFeedback body) {
        confirmation.answer(principal.tenant(), controllerId, actionId, answer(body), DEVICE);
        return ResponseEntity.ok().build();
    }

    @PostMapping(value = "/activateAutoConfirm", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> activateAutoConfirm(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @RequestBody(required = false) DdiConfirmationJson.ActivateAutoConfirmation body) {
        String initiator = body == null ? null : body.initiator();
        String remark = body == null ? FALLBACK_REMARK : body.remark();
        autoConfirm.activate(principal.tenant(), controllerId, initiator, remark, DEVICE);
        return ResponseEntity.ok().build();
    }

    @PostMapping(value = "/deactivateAutoConfirm", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> deactivateAutoConfirm(
            @AuthenticationPrincipal DdiPrincipal principal, @PathVariable String controllerId) {
        autoConfirm.deactivate(principal.tenant(), controllerId);
        return ResponseEntity.ok().build();
    }

    /** Reads hawkBit's DdiConfirmationFeedback; {@code confirmation} is required and one of its two values. */
    static ActionConfirmation.Answer answer(DdiConfirmationJson.ConfirmationFeedback body) {
        if (body == null || body.confirmation() == null) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "confirmation is required: confirmed or denied");
        }
        boolean confirmed = switch (body.confirmation()) {
            case "confirmed" -> true;
            case "denied" -> false;
            default ->
                throw new HawkbitException(
                        ServerError.BODY_NOT_READABLE,
                        "Unknown confirmation '" + body.confirmation() + "'; expected confirmed or denied");
        };
        return new ActionConfirmation.Answer(confirmed, body.code(), body.details());
    }

    /** The same change hash the base poll puts on its links, so both name one action the same way. */
    private String changeHash(PollService.OpenAction action) {
        int hash = Objects.hash(action.id(), action.revision(), action.forcedAt(clock.millis()));
        return HexFormat.of().toHexDigits(hash);
    }
}
