package io.hawkbit.rest.login;

import io.hawkbit.rest.dos.RejectionLog;
import io.micrometer.core.instrument.Counter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Refuses Management API logins while their user name or client address is locked out, before the password is
 * checked. It sits in authentication itself, so it sees the user name exactly as authentication does, however the
 * client spelled its {@code Authorization} header; {@link ManagementLoginListener} does the counting.
 */
public class ManagementLockout {

    private final LoginAttempts attempts;
    private final Counter rejected;
    private final RejectionLog log;

    public ManagementLockout(LoginAttempts attempts, Counter rejected, RejectionLog log) {
        this.attempts = attempts;
        this.rejected = rejected;
        this.log = log;
    }

    /** {@code delegate}, refusing a locked login with {@link LoginLockedException} before the delegate sees it. */
    public AuthenticationManager guard(AuthenticationManager delegate) {
        return login -> {
            refuseIfLocked(login);
            return delegate.authenticate(login);
        };
    }

    private void refuseIfLocked(Authentication login) {
        String user = login.getName();
        LoginClient client = login.getDetails() instanceof LoginClient details ? details : null;
        long wait = Math.max(
                attempts.lockedFor(ManagementLoginListener.userKey(user)),
                client == null || client.whitelisted()
                        ? 0
                        : attempts.lockedFor(ManagementLoginListener.addressKey(client.address())));
        if (wait > 0) {
            rejected.increment();
            log.rejected(() -> "Refused a Management API login of '" + user + "' from "
                    + (client == null ? "an unknown address" : client.address()) + ": too many failed logins");
            throw new LoginLockedException(wait);
        }
    }
}
