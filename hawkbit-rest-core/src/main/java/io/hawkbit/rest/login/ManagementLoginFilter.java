package io.hawkbit.rest.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.hawkbit.rest.dos.Client;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.dos.RejectedResponse;
import io.hawkbit.rest.dos.RejectionLog;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses HTTP Basic logins with 429 while their user name or client address is locked out, before the password is
 * checked; {@link ManagementLoginListener} does the counting.
 */
public class ManagementLoginFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final ClientAddresses clients;
    private final Counter rejected;
    private final RejectionLog log;

    public ManagementLoginFilter(LoginAttempts attempts, ClientAddresses clients, Counter rejected, RejectionLog log) {
        this.attempts = attempts;
        this.clients = clients;
        this.rejected = rejected;
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (user != null) {
            Client client = clients.resolve(request);
            long wait = Math.max(attempts.lockedFor(ManagementLoginListener.userKey(user)),
                    client.whitelisted() ? 0 : attempts.lockedFor(ManagementLoginListener.addressKey(client.key())));
            if (wait > 0) {
                rejected.increment();
                log.rejected(() -> "Refused a Management API login of '" + user + "' from " + client.key()
                        + ": too many failed logins");
                RejectedResponse.tooManyRequests(response, wait, LoginAttempts.class,
                        "Too many failed logins; retry later");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name of a Basic {@code Authorization} header, or null when there is none or it is malformed. */
    static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
