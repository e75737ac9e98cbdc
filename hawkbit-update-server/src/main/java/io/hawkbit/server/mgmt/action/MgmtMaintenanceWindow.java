package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.action.MaintenanceWindow;
import java.time.Instant;

/**
 * An action's maintenance window as hawkBit 1.1 shows it: the assignment's three parts and {@code nextStartAt}, the
 * start (epoch millis) of the window open now or else of the next one; 0 when no window is left, as hawkBit sends.
 */
public record MgmtMaintenanceWindow(String schedule, String duration, String timezone, long nextStartAt) {

    static MgmtMaintenanceWindow of(MaintenanceWindow window, Instant now) {
        return new MgmtMaintenanceWindow(
                window.getSchedule(),
                window.getDuration(),
                window.getTimezone(),
                window.start(now).map(Instant::toEpochMilli).orElse(0L));
    }
}
