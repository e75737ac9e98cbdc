package io.hawkbit.rest.dos;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses blacklisted clients with 403 and clients over their per-second budget with 429 and {@code Retry-After},
 * before any authentication or database work happens.
 */
class DosFilter extends OncePerRequestFilter {

    static final String METRIC = "hawkbit.dos.rejected";

    private final ClientAddresses clients;
    private final RequestCounters counters;
    private final RejectionLog log;
    private final Counter[] overLimit = new Counter[Api.values().length];
    private final Counter[] blacklisted = new Counter[Api.values().length];

    public DosFilter(ClientAddresses clients, RequestCounters counters, MeterRegistry meters, RejectionLog log) {
        this.clients = clients;
        this.counters = counters;
        this.log = log;
        for (Api api : Api.values()) {
            overLimit[api.ordinal()] = meters.counter(METRIC, "reason", "limit", "api", api.tag());
            blacklisted[api.ordinal()] = meters.counter(METRIC, "reason", "blacklist", "api", api.tag());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Client client = clients.resolve(request);
        if (client.whitelisted() && !client.blacklisted()) {
            chain.doFilter(request, response);
            return;
        }
        Api api = Api.of(request);
        if (client.blacklisted()) {
            blacklisted[api.ordinal()].increment();
            log.rejected(() -> "Refused blacklisted client " + client.key() + " (" + api.tag() + ")");
            RejectedResponse.forbidden(response, DosFilter.class, "Requests from this address are not accepted");
            return;
        }
        boolean write = Api.isWrite(request.getMethod());
        long wait = counters.tryConsume(client.key(), api, write);
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        overLimit[api.ordinal()].increment();
        log.rejected(() -> "Client " + client.key() + " is over its " + api.tag() + (write ? " write" : " read")
                + " budget per second: answered 429");
        RejectedResponse.tooManyRequests(
                response,
                wait,
                DosFilter.class,
                "Too many " + (write ? "write" : "read") + " requests from this client; retry later");
    }
}
