package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.InstalledBaseReport;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.security.DdiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code PUT installedBase}: the device names the distribution set it runs after an update the server did
 * not deliver. 201 when that was recorded, 200 when there was nothing to record (the set is assigned already, or an
 * update is pending), as hawkBit answers.
 */
@RestController
@RequestMapping("/{tenant}/controller/v1/{controllerId}")
class DdiInstalledBaseReportController {

    /** hawkBit's {@code DdiAssignedVersion}: a distribution set's name and version. */
    record DdiAssignedVersion(String name, String version) {}

    private final InstalledBaseReport reports;

    DdiInstalledBaseReportController(InstalledBaseReport reports) {
        this.reports = reports;
    }

    @PutMapping(value = "/installedBase", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> report(
            @AuthenticationPrincipal DdiPrincipal principal,
            @PathVariable String controllerId,
            @RequestBody DdiAssignedVersion body) {
        if (body == null || blank(body.name()) || blank(body.version())) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "installedBase needs the set's name and version");
        }
        boolean recorded = reports.report(principal.tenant(), controllerId, body.name(), body.version());
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
