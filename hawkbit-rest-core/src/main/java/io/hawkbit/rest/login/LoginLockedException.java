package io.hawkbit.rest.login;

import org.springframework.security.core.AuthenticationException;

/** A Management API login refused unchecked because its user name or client address is locked out. */
public class LoginLockedException extends AuthenticationException {

    private final long waitNanos;

    public LoginLockedException(long waitNanos) {
        super("Too many failed logins; retry later");
        this.waitNanos = waitNanos;
    }

    /** Nanoseconds until the lockout ends. */
    public long waitNanos() {
        return waitNanos;
    }
}
