package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.PollService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.DeviceAttributes;
import io.hawkbit.rest.security.DdiPrincipal;
import io.hawkbit.server.mgmt.Links;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The device's base poll and its configData upload. */
@RestController
@RequestMapping(
        value = "/{tenant}/controller/v1/{controllerId}",
        produces = {MediaType.APPLICATION_JSON_VALUE, "application/hal+json"})
class DdiPollController {

    private static final int MAX_ATTRIBUTE_KEY = 128;
    private static final int MAX_ATTRIBUTE_VALUE = 512;

    private final PollService polls;
    private final DeviceAttributes attributes;
    private final Clock clock;
    private final DdiPollMeter meter;

    public DdiPollController(PollService polls, DeviceAttributes attributes, Clock clock, DdiPollMeter meter) {
        this.polls = polls;
        this.attributes = attributes;
        this.clock = clock;
        this.meter = meter;
    }

    @GetMapping
    public ResponseEntity<DdiJson.ControllerBase> poll(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            HttpServletRequest request,
            WebRequest webRequest) {
        meter.polled();
        PollService.PollResult poll = polls.poll(principal.tenant(), controllerId, "http://" + request.getRemoteAddr());
        DdiLinks ddi = new DdiLinks(principal.tenant(), controllerId);
        Links links = new Links();
        poll.state().open().ifPresent(action -> {
            if (action.waitingConfirmation()) {
                // Until the device (or an operator) consents, it is offered the confirmation, not the deployment.
                links.withHref("confirmationBase", ddi.confirmationBase(action.id(), changeHash(action)));
            } else if (action.canceling()) {
                links.withHref("cancelAction", ddi.cancelAction(action.id()));
            } else {
                links.withHref("deploymentBase", ddi.deploymentBase(action.id(), changeHash(action)));
            }
        });
        poll.state().installedActionId().ifPresent(id -> links.withHref("installedBase", ddi.installedBase(id)));
        if (poll.device().requestAttributes()) {
            links.withHref("configData", ddi.configData());
        }
        DdiJson.ControllerBase body = new DdiJson.ControllerBase(
                new DdiJson.Config(new DdiJson.Polling(poll.pollingTime())),
                links.links().isEmpty() ? null : links);
        String etag = "\"" + Integer.toHexString(Objects.hash(poll.pollingTime(), links.links())) + "\"";
        if (webRequest.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(body);
    }

    /**
     * A value that changes whenever what the device should do changes (status, forced time reached, maintenance
     * window opened or closed), so clients that compare links notice; the server answers the path with any {@code c}
     * or none.
     */
    private String changeHash(PollService.OpenAction action) {
        int hash = Objects.hash(action.id(), action.revision(), action.forcedAt(clock.millis()));
        if (action.maintenanceWindow() != null) {
            hash = 31 * hash + Boolean.hashCode(action.installableAt(clock.instant()));
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /** SWUpdate counts only 200 as success here: a 204 made it resend configData forever. */
    @PutMapping(value = "/configData", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> configData(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @RequestBody DdiJson.ConfigData body) {
        if (body == null || body.data() == null) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "configData needs a data object");
        }
        DeviceAttributes.Mode mode = parseMode(body.mode());
        Map<String, String> data = new java.util.LinkedHashMap<>();
        body.data().forEach((key, value) -> {
            String text = value == null ? "" : value.toString();
            if (key.isEmpty() || key.length() > MAX_ATTRIBUTE_KEY || text.length() > MAX_ATTRIBUTE_VALUE) {
                throw new HawkbitException(
                        ServerError.CONSTRAINT_VIOLATION,
                        "Attribute keys need 1-" + MAX_ATTRIBUTE_KEY + " characters and values at most "
                                + MAX_ATTRIBUTE_VALUE + ": " + key);
            }
            data.put(key, text);
        });
        attributes.update(principal.tenant(), controllerId, mode, data);
        return ResponseEntity.ok().build();
    }

    private static DeviceAttributes.Mode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return DeviceAttributes.Mode.MERGE;
        }
        try {
            return DeviceAttributes.Mode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HawkbitException(
                    ServerError.BODY_NOT_READABLE,
                    "Unknown configData mode '" + mode + "'; expected merge, replace or remove");
        }
    }
}
