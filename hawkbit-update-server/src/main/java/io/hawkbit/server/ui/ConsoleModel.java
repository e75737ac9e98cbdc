package io.hawkbit.server.ui;

import io.hawkbit.rest.security.Role;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows of the signed-in user, and which parts of the page it may use. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final CurrentUser user;

    ConsoleModel(CurrentUser user) {
        this.user = user;
    }

    /**
     * The signed-in user. {@code canWrite} only hides buttons: the chain refuses every write without ADMIN anyway.
     */
    record Me(String name, String tenant, boolean canWrite, boolean reads, boolean systemAdmin) {}

    @ModelAttribute("me")
    Me me() {
        return new Me(
                user.name(),
                user.tenant(),
                user.has(Role.ADMIN),
                user.has(Role.READ) || user.has(Role.ADMIN),
                user.has(Role.SYSTEM_ADMIN));
    }

    /** "12 s ago", "3 min ago", "2 h ago", "4 d ago"; "never" for null. */
    static String ago(Clock clock, Long epochMillis) {
        if (epochMillis == null) {
            return "never";
        }
        return since(Duration.between(Instant.ofEpochMilli(epochMillis), clock.instant())) + " ago";
    }

    /** A duration in its largest whole unit, as people read uptimes. */
    static String since(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        if (s < 172_800) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }
}
