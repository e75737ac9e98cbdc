package io.hawkbit.rest.security;

import io.hawkbit.rest.dos.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a TLS-terminating reverse proxy vouches for a device, as hawkBit's header authentication does: the
 * certificate's CN header equals the controllerId, and one of the numbered issuer hash headers (from 1 up to the first
 * missing one) is among the tenant's authorities (separated by {@code ,} or {@code ;}, compared ignoring case). The
 * headers count only when the TCP peer is a trusted proxy; anyone else could write them.
 */
class CertificateHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateHeaders.class);

    private final ClientAddresses clients;
    private final String cnHeader;
    private final String issuerHashHeader;

    CertificateHeaders(ClientAddresses clients, ReverseProxyProperties properties) {
        this.clients = clients;
        this.cnHeader = properties.getCnHeader();
        this.issuerHashHeader = properties.getSslIssuerHashHeader();
    }

    /** @param authority the tenant's {@code authentication.header.authority}: the issuer hashes it trusts */
    boolean vouchFor(HttpServletRequest request, String controllerId, String authority) {
        String cn = request.getHeader(cnHeader);
        if (cn == null || !cn.equals(controllerId)) {
            return false;
        }
        if (!clients.fromTrustedProxy(request)) {
            LOG.debug(
                    "Ignored certificate headers for {} from {}: no trusted proxy",
                    controllerId,
                    request.getRemoteAddr());
            return false;
        }
        Set<String> trusted = hashes(authority);
        if (trusted.isEmpty()) {
            return false;
        }
        String hash;
        for (int i = 1; (hash = request.getHeader(issuerHashHeader.formatted(i))) != null; i++) {
            if (trusted.contains(normalized(hash))) {
                return true;
            }
        }
        LOG.debug("No issuer hash header of {} names a trusted authority of its tenant", controllerId);
        return false;
    }

    // An empty entry ("a;;b", a trailing comma) must not match an empty header.
    private static Set<String> hashes(String authority) {
        return Arrays.stream(authority.split("[;,]"))
                .map(CertificateHeaders::normalized)
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String normalized(String hash) {
        return hash.trim().toLowerCase(Locale.ROOT);
    }
}
