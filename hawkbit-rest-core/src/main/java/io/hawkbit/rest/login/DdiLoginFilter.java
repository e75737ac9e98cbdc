package io.hawkbit.rest.login;

import io.hawkbit.rest.dos.Client;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.dos.RejectedResponse;
import io.hawkbit.rest.dos.RejectionLog;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts DDI requests answered 401 per client address and refuses an address past the limit with 429 for the lockout,
 * before its token is looked up.
 */
public class DdiLoginFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final ClientAddresses clients;
    private final Counter rejected;
    private final RejectionLog log;

    public DdiLoginFilter(LoginAttempts attempts, ClientAddresses clients, Counter rejected, RejectionLog log) {
        this.attempts = attempts;
        this.clients = clients;
        this.rejected = rejected;
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = clients.resolve(request);
        if (client.whitelisted()) {
            chain.doFilter(request, response);
            return;
        }
        long wait = attempts.lockedFor(client.key());
        if (wait > 0) {
            rejected.increment();
            log.rejected(() -> "Refused a DDI request from " + client.key() + ": too many failed authentications");
            RejectedResponse.tooManyRequests(
                    response,
                    wait,
                    LoginAttempts.class,
                    "Too many failed authentications from this address; retry later");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            attempts.failed(client.key());
        }
    }
}
