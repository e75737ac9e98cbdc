package io.hawkbit.server.mgmt.action;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hawkbit.repository.action.MaintenanceWindow;

/**
 * hawkBit's {@code maintenanceWindow} of an assignment: a Quartz cron {@code schedule} (such as {@code 0 0 3 ? * *}),
 * a {@code duration} (HH:mm:ss) and a {@code timezone} offset (such as {@code +02:00}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MgmtMaintenanceWindowRequestBody(String schedule, String duration, String timezone) {

    /**
     * The window, or null when the body gives none of the three parts.
     *
     * @throws io.hawkbit.repository.error.HawkbitException 400 naming a missing or malformed part
     */
    public MaintenanceWindow toWindow() {
        return MaintenanceWindow.of(schedule, duration, timezone).orElse(null);
    }

    /** {@link #toWindow()} of a body that may be absent. */
    public static MaintenanceWindow toWindow(MgmtMaintenanceWindowRequestBody body) {
        return body == null ? null : body.toWindow();
    }
}
