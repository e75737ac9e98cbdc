package io.hawkbit.rest.dos;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxy = addresses(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

    @Test
    void untrustedPeer_isTheClient_whateverItsHeaderSays() {
        ClientAddresses direct = addresses(List.of());
        assertThat(direct.resolve(request("198.51.100.9", "203.0.113.7")).key()).isEqualTo("198.51.100.9");
        assertThat(behindProxy.resolve(request("198.51.100.9", "203.0.113.7")).key())
                .as("peer is no trusted proxy")
                .isEqualTo("198.51.100.9");
    }

    @Test
    void trustedProxy_namesTheRightMostAddressThatIsNoTrustedProxy() {
        // The client wrote 6.6.6.6 itself; the proxy appended the address it saw.
        assertThat(behindProxy
                        .resolve(request("10.0.0.1", "6.6.6.6, 203.0.113.7"))
                        .key())
                .isEqualTo("203.0.113.7");
        assertThat(behindProxy
                        .resolve(request("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2"))
                        .key())
                .as("a second trusted proxy in the chain")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void severalHeaderLines_areReadInOrder() {
        MockHttpServletRequest request = request("10.0.0.1", "6.6.6.6");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        assertThat(behindProxy.resolve(request).key()).isEqualTo("203.0.113.7");
    }

    @Test
    void onlyTrustedProxiesInTheHeader_leftMostIsTheClient() {
        assertThat(behindProxy
                        .resolve(request("10.0.0.1", "10.9.9.9, 10.0.0.2"))
                        .key())
                .isEqualTo("10.9.9.9");
    }

    @Test
    void garbageInTheHeader_stopsAtTheLastTrustedHop() {
        assertThat(behindProxy
                        .resolve(request("10.0.0.1", "203.0.113.7, evil.example, 10.0.0.2"))
                        .key())
                .isEqualTo("10.0.0.2");
        assertThat(behindProxy.resolve(request("10.0.0.1", "")).key()).isEqualTo("10.0.0.1");
    }

    @Test
    void trustedProxyWithoutHeader_isItselfTheClient() {
        assertThat(behindProxy.resolve(request("10.0.0.1", null)).key()).isEqualTo("10.0.0.1");
    }

    @Test
    void portsAndIpv6InTheHeader_areUnderstood() {
        assertThat(behindProxy.resolve(request("10.0.0.1", "203.0.113.7:4711")).key())
                .isEqualTo("203.0.113.7");
        assertThat(behindProxy
                        .resolve(request("10.0.0.1", "[2001:db8::7]:4711"))
                        .key())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindProxy
                        .resolve(request("2001:db8:ffff::1", "2001:db8::7"))
                        .key())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void wrapperThatAnswersFromTheHeader_isLookedThrough() {
        // What Spring's ForwardedHeaderFilter does with X-Forwarded-For, for anyone.
        HttpServletRequestWrapper spoofed = new HttpServletRequestWrapper(request("198.51.100.9", "203.0.113.7")) {
            @Override
            public String getRemoteAddr() {
                return "203.0.113.7";
            }
        };
        assertThat(addresses(List.of()).resolve(spoofed).key()).isEqualTo("198.51.100.9");
    }

    @Test
    void wrapperThatHidesTheHeader_isLookedThrough() {
        HttpServletRequestWrapper hiding = new HttpServletRequestWrapper(request("10.0.0.1", "203.0.113.7")) {
            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.emptyEnumeration();
            }
        };
        assertThat(behindProxy.resolve(hiding).key()).isEqualTo("203.0.113.7");
    }

    @Test
    void lists_areMatchedOnTheResolvedClient() {
        DosProperties properties = new DosProperties();
        properties.setTrustedProxies(List.of(Cidr.of("10.0.0.0/8")));
        properties.setBlacklist(List.of(Cidr.of("203.0.113.0/24")));
        ClientAddresses addresses = new ClientAddresses(properties);
        Client loopback = addresses.resolve(request("127.0.0.1", null));
        assertThat(loopback.whitelisted()).isTrue();
        assertThat(loopback.blacklisted()).isFalse();
        Client proxied = addresses.resolve(request("10.0.0.1", "203.0.113.7"));
        assertThat(proxied.blacklisted()).isTrue();
        assertThat(proxied.whitelisted()).isFalse();
        assertThat(addresses.resolve(request("0:0:0:0:0:0:0:1", null)).whitelisted())
                .isTrue();
    }

    @Test
    void peerThatIsNoAddress_isCountedByItsText() {
        Client client = addresses(List.of()).resolve(request("unix-socket", null));
        assertThat(client.key()).isEqualTo("unix-socket");
        assertThat(client.address()).isNull();
        assertThat(client.whitelisted()).isFalse();
    }

    private static ClientAddresses addresses(List<String> trusted) {
        DosProperties properties = new DosProperties();
        properties.setTrustedProxies(trusted.stream().map(Cidr::of).toList());
        return new ClientAddresses(properties);
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/rest/v1/targets");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
