package io.hawkbit.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.rest.dos.Cidr;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.dos.DosProperties;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CertificateHeadersTest {

    private static final String PROXY = "10.0.0.5";

    private final CertificateHeaders headers = headers(List.of("10.0.0.0/24"), new ReverseProxyProperties());

    @Test
    void cnOfTheControllerAndAKnownIssuer_fromATrustedProxy_vouch() {
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "ab12cd34"), "dev-1", "ab12cd34"))
                .isTrue();
    }

    @Test
    void cnOfAnotherController_doesNotVouch() {
        assertThat(headers.vouchFor(request(PROXY, "dev-2", "ab12cd34"), "dev-1", "ab12cd34"))
                .isFalse();
        assertThat(headers.vouchFor(request(PROXY, "DEV-1", "ab12cd34"), "dev-1", "ab12cd34"))
                .as("the CN is compared exactly, as controllerIds are")
                .isFalse();
    }

    @Test
    void untrustedPeer_isNeverBelieved() {
        assertThat(headers.vouchFor(request("10.0.1.5", "dev-1", "ab12cd34"), "dev-1", "ab12cd34"))
                .isFalse();
        // A forwarded header names a trusted address: only the connection counts.
        MockHttpServletRequest forged = request("198.51.100.7", "dev-1", "ab12cd34");
        forged.addHeader("X-Forwarded-For", PROXY);
        assertThat(headers.vouchFor(forged, "dev-1", "ab12cd34")).isFalse();
    }

    @Test
    void noTrustedProxyConfigured_isNeverBelieved() {
        CertificateHeaders none = headers(List.of(), new ReverseProxyProperties());
        assertThat(none.vouchFor(request("127.0.0.1", "dev-1", "ab12cd34"), "dev-1", "ab12cd34"))
                .isFalse();
    }

    @Test
    void trustedPeer_isTheConnection_underAWrappedRequest() {
        MockHttpServletRequest raw = request(PROXY, "dev-1", "ab12cd34");
        // Spring's ForwardedHeaderFilter answers getRemoteAddr() from X-Forwarded-For.
        HttpServletRequestWrapper wrapped = new HttpServletRequestWrapper(raw) {
            @Override
            public String getRemoteAddr() {
                return "198.51.100.7";
            }
        };
        assertThat(headers.vouchFor(wrapped, "dev-1", "ab12cd34")).isTrue();
    }

    @Test
    void anyOfSeveralAuthorities_separatedByCommaOrSemicolon_matchesIgnoringCaseAndBlanks() {
        String authority = "11111111; AB12CD34 ,22222222";
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "ab12cd34"), "dev-1", authority))
                .isTrue();
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "22222222"), "dev-1", authority))
                .isTrue();
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "AB:12"), "dev-1", "ab:12"))
                .isTrue();
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "33333333"), "dev-1", authority))
                .isFalse();
    }

    @Test
    void anyNumberedIssuerHeader_upToTheFirstGap_matches() {
        MockHttpServletRequest chain = request(PROXY, "dev-1", "intermediate");
        chain.addHeader("X-Ssl-Issuer-Hash-2", "root");
        assertThat(headers.vouchFor(chain, "dev-1", "root")).isTrue();

        MockHttpServletRequest gap = request(PROXY, "dev-1", null);
        gap.addHeader("X-Ssl-Issuer-Hash-2", "root");
        assertThat(headers.vouchFor(gap, "dev-1", "root"))
                .as("numbering starts at 1 and ends at the first missing header")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ";", ",;,"})
    void noAuthority_trustsNothing_notEvenAnEmptyHash(String authority) {
        assertThat(headers.vouchFor(request(PROXY, "dev-1", ""), "dev-1", authority))
                .isFalse();
        assertThat(headers.vouchFor(request(PROXY, "dev-1", "ab12cd34"), "dev-1", authority))
                .isFalse();
    }

    @Test
    void missingHeaders_doNotVouch() {
        assertThat(headers.vouchFor(request(PROXY, null, "ab12cd34"), "dev-1", "ab12cd34"))
                .isFalse();
        assertThat(headers.vouchFor(request(PROXY, "dev-1", null), "dev-1", "ab12cd34"))
                .isFalse();
    }

    @Test
    void headerNames_areConfigurable() {
        ReverseProxyProperties custom = new ReverseProxyProperties();
        custom.setCnHeader("X-Client-Cn");
        custom.setSslIssuerHashHeader("X-Issuer-%d-Hash");
        CertificateHeaders renamed = headers(List.of("10.0.0.0/24"), custom);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/t/controller/v1/dev-1");
        request.setRemoteAddr(PROXY);
        request.addHeader("X-Client-Cn", "dev-1");
        request.addHeader("X-Issuer-1-Hash", "ab12cd34");
        assertThat(renamed.vouchFor(request, "dev-1", "ab12cd34")).isTrue();
        assertThat(renamed.vouchFor(request(PROXY, "dev-1", "ab12cd34"), "dev-1", "ab12cd34"))
                .as("the default names no longer count")
                .isFalse();
    }

    private static CertificateHeaders headers(List<String> trusted, ReverseProxyProperties properties) {
        DosProperties dos = new DosProperties();
        dos.setTrustedProxies(trusted.stream().map(Cidr::of).toList());
        return new CertificateHeaders(new ClientAddresses(dos), properties);
    }

    private static MockHttpServletRequest request(String peer, String cn, String issuerHash) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/t/controller/v1/dev-1");
        request.setRemoteAddr(peer);
        if (cn != null) {
            request.addHeader("X-Ssl-Client-Cn", cn);
        }
        if (issuerHash != null) {
            request.addHeader("X-Ssl-Issuer-Hash-1", issuerHash);
        }
        return request;
    }
}
