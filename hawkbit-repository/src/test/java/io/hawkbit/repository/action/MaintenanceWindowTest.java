package io.hawkbit.repository.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** hawkBit's maintenance window rules, evaluated at chosen instants: edges, Quartz syntax, offsets across DST. */
class MaintenanceWindowTest {

    private static MaintenanceWindow window(String schedule, String duration, String timezone) {
        return MaintenanceWindow.of(schedule, duration, timezone).orElseThrow();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Daily 03:00 for one hour at +02:00, i.e. 01:00-02:00 UTC. */
    private final MaintenanceWindow daily = window("0 0 3 ? * *", "01:00:00", "+02:00");

    @ParameterizedTest(name = "{0}: open={1}, start={2}")
    @CsvSource({
        "2026-06-10T00:59:59Z, false, 2026-06-10T01:00:00Z", // just before start
        "2026-06-10T01:00:00Z, true, 2026-06-10T01:00:00Z", // at start: open
        "2026-06-10T01:30:00Z, true, 2026-06-10T01:00:00Z", // inside: the current window's start
        "2026-06-10T01:59:59.999Z, true, 2026-06-10T01:00:00Z", // last instant inside
        "2026-06-10T02:00:00Z, false, 2026-06-11T01:00:00Z", // at end: closed, next day's window
        "2026-06-10T12:00:00Z, false, 2026-06-11T01:00:00Z" // after
    })
    void window_opensAtStartAndClosesAtEnd(String now, boolean open, String start) {
        assertThat(daily.isOpen(at(now))).isEqualTo(open);
        assertThat(daily.start(at(now))).contains(at(start));
    }

    /**
     * hawkBit 1.1 takes only UTC offsets, so a window keeps its UTC time across a daylight-saving change: with +01:00
     * (CET) a window at 02:30 opens at 01:30 UTC on the day Berlin moves to CEST (2026-03-29, when 02:30 local does
     * not even exist there) and after it, i.e. at 03:30 Berlin summer time.
     */
    @Test
    void offsetWindow_keepsItsUtcTimeAcrossDaylightSavingChange() {
        MaintenanceWindow cet = window("0 30 2 ? * *", "00:30:00", "+01:00");
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(cet.start(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-29T01:30:00Z"));
        assertThat(cet.isOpen(at("2026-03-29T01:29:59Z"))).isFalse();
        assertThat(cet.isOpen(at("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(cet.isOpen(at("2026-03-29T01:59:59Z"))).isTrue();
        assertThat(cet.isOpen(at("2026-03-29T02:00:00Z"))).isFalse();
        assertThat(cet.start(at("2026-03-29T02:00:00Z"))).contains(at("2026-03-30T01:30:00Z"));

        // In Berlin's wall clock the window moved by the hour Berlin moved.
        assertThat(at("2026-03-28T01:30:00Z").atZone(berlin).getHour()).isEqualTo(2);
        assertThat(at("2026-03-30T01:30:00Z").atZone(berlin).getHour()).isEqualTo(3);

        // An operator who wants 02:30 summer time gives +02:00.
        assertThat(window("0 30 2 ? * *", "00:30:00", "+02:00").start(at("2026-03-29T12:00:00Z")))
                .contains(at("2026-03-30T00:30:00Z"));
    }

    @Test
    void overlappingWindows_theEarliestStillOpenCounts() {
        MaintenanceWindow hourlyForTwoHours = window("0 0 * ? * *", "02:00:00", "+00:00");
        assertThat(hourlyForTwoHours.start(at("2026-06-10T05:30:00Z"))).contains(at("2026-06-10T04:00:00Z"));
        assertThat(hourlyForTwoHours.isOpen(at("2026-06-10T05:30:00Z"))).isTrue();
    }

    @Test
    void dayOfWeek_countsFromSundayAsQuartzDoes() {
        // 2026-06-10 is a Wednesday. Quartz: 1 = Sunday, 2 = Monday.
        assertThat(window("0 0 3 ? * 2", "01:00:00", "+00:00").start(at("2026-06-10T12:00:00Z")))
                .contains(at("2026-06-15T03:00:00Z"));
        assertThat(window("0 0 3 ? * 1", "01:00:00", "+00:00").start(at("2026-06-10T12:00:00Z")))
                .contains(at("2026-06-14T03:00:00Z"));
        assertThat(window("0 0 3 ? * 7", "01:00:00", "+00:00").start(at("2026-06-10T12:00:00Z")))
                .contains(at("2026-06-13T03:00:00Z"));
        assertThat(window("0 0 3 ? * MON-FRI", "01:00:00", "+00:00").start(at("2026-06-12T12:00:00Z")))
                .contains(at("2026-06-15T03:00:00Z"));
        assertThat(window("0 0 3 ? * 2-6", "01:00:00", "+00:00").start(at("2026-06-12T12:00:00Z")))
                .contains(at("2026-06-15T03:00:00Z"));
        // Last Friday of the month (Quartz 6L), third Sunday (1#3).
        assertThat(window("0 0 3 ? * 6L", "01:00:00", "+00:00").start(at("2026-06-10T12:00:00Z")))
                .contains(at("2026-06-26T03:00:00Z"));
        assertThat(window("0 0 3 ? * 1#3", "01:00:00", "+00:00").start(at("2026-06-10T12:00:00Z")))
                .contains(at("2026-06-21T03:00:00Z"));
    }

    @Test
    void yearField_limitsTheWindows() {
        MaintenanceWindow only2027 = window("0 15 10 * * ? 2027", "02:00:00", "+00:00");
        assertThat(only2027.start(at("2026-06-10T12:00:00Z"))).contains(at("2027-01-01T10:15:00Z"));
        assertThat(only2027.start(at("2027-12-31T12:30:00Z"))).isEmpty();
        assertThat(only2027.isOpen(at("2028-01-01T10:30:00Z"))).isFalse();

        MaintenanceWindow everyOtherYear = window("0 0 0 1 1 ? 2026/2", "01:00:00", "+00:00");
        assertThat(everyOtherYear.start(at("2026-06-10T12:00:00Z"))).contains(at("2028-01-01T00:00:00Z"));
    }

    @Test
    void pastOnlySchedule_isRefusedWhenAssigned() {
        MaintenanceWindow past = window("0 0 0 1 1 ? 2000", "01:00:00", "+00:00");
        assertThat(past.start(at("2026-06-10T12:00:00Z"))).isEmpty();
        assertInvalid(() -> past.requireFuture(at("2026-06-10T12:00:00Z")), "schedule");
        // A date that never exists has no window either.
        assertInvalid(
                () -> window("0 0 0 30 2 ?", "01:00:00", "+00:00").requireFuture(at("2026-06-10T12:00:00Z")),
                "schedule");
        // A window open right now is a window.
        window("0 0 3 ? * *", "01:00:00", "+00:00").requireFuture(at("2026-06-10T03:30:00Z"));
    }

    /** Odd but parseable corners never escape as anything but the 400 or a window. */
    @ParameterizedTest
    @CsvSource({
        "'0 0 3 L-40 * ?'",
        "'0 0 3 ? * 1#9'",
        "'0 0 3 ? * 1#0'",
        "'0 0 3 31W 2 ?'",
        "'0 0 3 99999999999 * ?'",
        "'0 0 3 ? * 1/0'",
        "'0 0 3 ? * 7-1'",
        "'0 0 3 ? * * 2099/0'",
        "'0 0 3 ? * * */5'",
        "'0 0 3 ? * * 2030-2029'",
        "'0 0 3 ? * MON#2,FRI'",
        "'* * * ? * *'"
    })
    void oddSchedules_areAWindowOrTheRefusal(String schedule) {
        try {
            MaintenanceWindow window = window(schedule, "01:00:00", "+00:00");
            window.requireFuture(at("2026-06-10T12:00:00Z"));
            assertThat(window.start(at("2026-06-10T12:00:00Z"))).isPresent();
        } catch (HawkbitException e) {
            assertThat(e.error()).isEqualTo(ServerError.MAINTENANCE_SCHEDULE_INVALID);
            assertThat(e.getMessage()).contains("maintenanceWindow.schedule");
        }
    }

    @Test
    void absentWindow_isNoWindow() {
        assertThat(MaintenanceWindow.of(null, null, null)).isEmpty();
        assertThat(MaintenanceWindow.of("", "", "")).isEmpty();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource({
        "'0 0 3 * * *', 01:00:00, +00:00, schedule", // both day fields given
        "'0 0 3 ? * ?', 01:00:00, +00:00, schedule", // neither day field given
        "'0 0 3 * *', 01:00:00, +00:00, schedule", // five fields (Unix cron)
        "'0 0 3 ? * * 2026 x', 01:00:00, +00:00, schedule", // eight fields
        "'0 0 25 ? * *', 01:00:00, +00:00, schedule", // hour out of range
        "'0 0 3 ? * 8', 01:00:00, +00:00, schedule", // day of week out of range
        "'0 0 3 ? * * 1969', 01:00:00, +00:00, schedule", // year out of range
        "'@daily', 01:00:00, +00:00, schedule",
        "'0 0 3 ? * *', 1h, +00:00, duration",
        "'0 0 3 ? * *', 24:00:00, +00:00, duration",
        "'0 0 3 ? * *', 01:60:00, +00:00, duration",
        "'0 0 3 ? * *', 01:00:00, Europe/Berlin, timezone", // hawkBit takes offsets only
        "'0 0 3 ? * *', 01:00:00, +25:00, timezone",
        "'0 0 3 ? * *', 01:00:00, CET, timezone",
        "'0 0 3 ? * *', , +00:00, duration", // missing part
        ", 01:00:00, +00:00, schedule",
        "'0 0 3 ? * *', 01:00:00, , timezone"
    })
    void malformedPart_isRefusedNamingIt(String schedule, String duration, String timezone, String field) {
        assertInvalid(() -> MaintenanceWindow.of(schedule, duration, timezone), field);
    }

    @Test
    void acceptedSpellings_asHawkBitAcceptsThem() {
        assertThat(MaintenanceWindow.of("0 0 3 ? * *", "01:30", "Z")).isPresent();
        assertThat(MaintenanceWindow.of("0 0/15 * ? * MON,WED", "00:05:00", "-05:30"))
                .isPresent();
        assertThat(MaintenanceWindow.of("0 0 3 L * ?", "01:00:00", "+2")).isPresent();
        assertThat(MaintenanceWindow.of("0 0 3 15W * ?", "01:00:00", "+0200")).isPresent();
    }

    @Test
    void polling_shortensSoThatTheDevicePollsCountTimesBeforeTheWindow() {
        Duration normal = Duration.ofMinutes(5);
        Instant now = at("2026-06-10T00:00:00Z");
        // Far away: normal interval.
        assertThat(MaintenancePolling.interval(normal, 3, now, now.plus(Duration.ofHours(2))))
                .isEqualTo(normal);
        // 9 minutes left, 3 polls wanted: every 3 minutes.
        assertThat(MaintenancePolling.interval(normal, 3, now, now.plus(Duration.ofMinutes(9))))
                .isEqualTo(Duration.ofMinutes(3));
        // Never under 30 s, hawkBit's default minPollingTime, nor under the tenant's own.
        assertThat(MaintenancePolling.interval(normal, 3, now, now.plusSeconds(45)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(MaintenancePolling.interval(normal, Duration.ofMinutes(4), 3, now, now.plus(Duration.ofMinutes(9))))
                .isEqualTo(Duration.ofMinutes(4));
        // Open already or no window left: normal interval.
        assertThat(MaintenancePolling.interval(normal, 3, now, now.minusSeconds(1)))
                .isEqualTo(normal);
        assertThat(MaintenancePolling.interval(normal, 3, now, null)).isEqualTo(normal);
        assertThat(MaintenancePolling.interval(normal, 0, now, now.plus(Duration.ofMinutes(9))))
                .isEqualTo(normal);
        assertThat(MaintenancePolling.format(Duration.ofSeconds(3 * 3600 + 4 * 60 + 5)))
                .isEqualTo("03:04:05");
    }

    private static void assertInvalid(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        HawkbitException.class,
                        e -> assertThat(e.error()).isEqualTo(ServerError.MAINTENANCE_SCHEDULE_INVALID))
                .hasMessageContaining("maintenanceWindow." + field);
    }
}
