package io.hawkbit.repository.action;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When a device may install an action's update, as hawkBit 1.1 defines it: windows open at each time the Quartz cron
 * {@code schedule} matches, read in the fixed UTC offset {@code timezone} (such as {@code +02:00}; hawkBit takes no
 * zone names, so a window does not follow daylight saving time), and stay open for {@code duration} (HH:mm:ss). The
 * text is kept as the operator gave it; evaluation always takes the current time from the caller.
 */
@Embeddable
public class MaintenanceWindow {

    static final int SCHEDULE_LENGTH = 128;
    static final int DURATION_LENGTH = 16;
    static final int TIMEZONE_LENGTH = 8;

    @Column(name = "maintenance_cron_schedule", length = SCHEDULE_LENGTH, updatable = false)
    private String schedule;

    @Column(name = "maintenance_duration", length = DURATION_LENGTH, updatable = false)
    private String duration;

    @Column(name = "maintenance_time_zone", length = TIMEZONE_LENGTH, updatable = false)
    private String timezone;

    /** Parsed on first use: entities are read far more often than their windows are evaluated. */
    @Transient
    private transient Parsed parsed;

    private record Parsed(QuartzSchedule cron, Duration length, ZoneOffset offset) {}

    protected MaintenanceWindow() {}

    private MaintenanceWindow(String schedule, String duration, String timezone, Parsed parsed) {
        this.schedule = schedule;
        this.duration = duration;
        this.timezone = timezone;
        this.parsed = parsed;
    }

    /**
     * Reads a window from an assignment; empty when none of the three parts is given (no window, as in hawkBit).
     *
     * @throws HawkbitException {@link ServerError#MAINTENANCE_SCHEDULE_INVALID} naming the part that is missing or
     *     malformed
     */
    public static Optional<MaintenanceWindow> of(String schedule, String duration, String timezone) {
        if (isEmpty(schedule) && isEmpty(duration) && isEmpty(timezone)) {
            return Optional.empty();
        }
        required("schedule", schedule);
        required("duration", duration);
        required("timezone", timezone);
        fitting("schedule", schedule, SCHEDULE_LENGTH);
        fitting("duration", duration, DURATION_LENGTH);
        fitting("timezone", timezone, TIMEZONE_LENGTH);
        QuartzSchedule cron;
        try {
            cron = QuartzSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw invalid("maintenanceWindow.schedule '" + schedule + "' is not a valid Quartz cron expression: "
                    + e.getMessage());
        }
        Duration length;
        try {
            length = Duration.between(LocalTime.MIN, LocalTime.parse(duration.strip()));
        } catch (DateTimeParseException e) {
            throw invalid("maintenanceWindow.duration '" + duration + "' is not valid; expected HH:mm:ss such as"
                    + " 01:30:00 (at most 23:59:59)");
        }
        ZoneOffset offset;
        try {
            offset = ZoneOffset.of(timezone);
        } catch (DateTimeException e) {
            throw invalid("maintenanceWindow.timezone '" + timezone + "' is not valid; expected an offset from UTC"
                    + " such as +02:00 or -05:30");
        }
        return Optional.of(new MaintenanceWindow(schedule, duration, timezone, new Parsed(cron, length, offset)));
    }

    /**
     * Refuses a window that will never open again, as hawkBit does when it is assigned.
     *
     * @throws HawkbitException {@link ServerError#MAINTENANCE_SCHEDULE_INVALID}
     */
    void requireFuture(Instant now) {
        if (start(now).isEmpty()) {
            throw invalid("maintenanceWindow.schedule '" + schedule + "' has no maintenance window after now");
        }
    }

    /**
     * The start of the window open at {@code now}, or else of the next one; empty when no window is left. hawkBit
     * reports this as the action's {@code nextStartAt}.
     */
    public Optional<Instant> start(Instant now) {
        Parsed p = parsed();
        // A window that opened less than its length ago is still open: look for starts after now minus the length.
        ZonedDateTime from = now.minus(p.length()).atZone(p.offset());
        return Optional.ofNullable(p.cron().next(from)).map(ZonedDateTime::toInstant);
    }

    /** Whether a window is open at {@code now}: from its start (included) to its start plus its length (excluded). */
    public boolean isOpen(Instant now) {
        return start(now).map(start -> !start.isAfter(now)).orElse(false);
    }

    public String getSchedule() {
        return schedule;
    }

    public String getDuration() {
        return duration;
    }

    public String getTimezone() {
        return timezone;
    }

    /** Two windows are the same when given by the same text: one assignment named twice in a request is made once. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MaintenanceWindow window
                && Objects.equals(schedule, window.schedule)
                && Objects.equals(duration, window.duration)
                && Objects.equals(timezone, window.timezone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, duration, timezone);
    }

    private Parsed parsed() {
        if (parsed == null) {
            // Stored windows were valid when assigned; parsing again cannot fail.
            parsed = of(schedule, duration, timezone).orElseThrow().parsed;
        }
        return parsed;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static void required(String field, String value) {
        if (isEmpty(value)) {
            throw invalid("maintenanceWindow." + field
                    + " is missing: schedule, duration and timezone are either all given or all left out");
        }
    }

    private static void fitting(String field, String value, int max) {
        if (value.length() > max) {
            throw invalid("maintenanceWindow." + field + " is longer than " + max + " characters");
        }
    }

    private static HawkbitException invalid(String message) {
        return new HawkbitException(ServerError.MAINTENANCE_SCHEDULE_INVALID, message);
    }
}
