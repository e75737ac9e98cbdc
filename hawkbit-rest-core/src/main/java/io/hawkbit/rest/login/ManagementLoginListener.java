package io.hawkbit.rest.login;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;

/**
 * Counts the Management API's failed Basic logins per user name and per client address, and clears the user name's
 * count on success. Only logins carrying {@link LoginClient} details (set by the Management chain) are counted.
 */
public class ManagementLoginListener {

    private final LoginAttempts attempts;

    public ManagementLoginListener(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication login = event.getAuthentication();
        if (login.getDetails() instanceof LoginClient client) {
            attempts.failed(userKey(login.getName()));
            if (!client.whitelisted()) {
                attempts.failed(addressKey(client.address()));
            }
        }
    }

    // The address count is left alone: a valid account must not let its owner spray passwords over other accounts.
    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        Authentication login = event.getAuthentication();
        if (login.getDetails() instanceof LoginClient) {
            attempts.succeeded(userKey(login.getName()));
        }
    }

    static String userKey(String user) {
        return "user:" + user;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }
}
