package io.hawkbit.rest.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The headers in which a TLS-terminating reverse proxy passes on a device's client certificate, hawkBit's
 * {@code hawkbit.server.ddi.security.rp.*}. Which proxies are believed is the DoS filter's {@code trusted-proxies}.
 */
@Validated
@ConfigurationProperties("hawkbit.server.ddi.security.rp")
public class ReverseProxyProperties {

    private static final String TOKEN = "[A-Za-z0-9!#$&'*+.^_`|~-]";

    /** Header with the common name (CN) of the certificate's subject; it must equal the controllerId in the path. */
    @NotNull
    @Pattern(regexp = TOKEN + "+", message = "must be an HTTP header name")
    private String cnHeader = "X-Ssl-Client-Cn";

    /**
     * Header pattern of the issuer hashes, {@code %d} counting from 1 (one header per CA of the chain); the request is
     * accepted when one of them is in the tenant's {@code authentication.header.authority}.
     */
    @NotNull
    @Pattern(
            regexp = TOKEN + "*%d" + TOKEN + "*",
            message = "must be an HTTP header name with one %d for the number, e.g. X-Ssl-Issuer-Hash-%d")
    private String sslIssuerHashHeader = "X-Ssl-Issuer-Hash-%d";

    public String getCnHeader() {
        return cnHeader;
    }

    public void setCnHeader(String cnHeader) {
        this.cnHeader = cnHeader;
    }

    public String getSslIssuerHashHeader() {
        return sslIssuerHashHeader;
    }

    public void setSslIssuerHashHeader(String sslIssuerHashHeader) {
        this.sslIssuerHashHeader = sslIssuerHashHeader;
    }
}
