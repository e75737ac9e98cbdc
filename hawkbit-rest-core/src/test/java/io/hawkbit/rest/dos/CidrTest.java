package io.hawkbit.rest.dos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void ipv4Network_containsOnlyItsOwnAddresses() {
        Cidr network = Cidr.of("10.0.0.0/8");
        assertThat(network.contains(ip("10.0.0.0"))).isTrue();
        assertThat(network.contains(ip("10.255.255.255"))).isTrue();
        assertThat(network.contains(ip("11.0.0.0"))).isFalse();
        assertThat(network.contains(ip("110.10.0.1")))
                .as("hawkBit's unanchored regex matched this")
                .isFalse();
        assertThat(network.contains(ip("210.0.0.1"))).isFalse();
    }

    @Test
    void prefixNotOnAByteBoundary_splitsTheByte() {
        Cidr network = Cidr.of("192.168.4.0/22");
        assertThat(network.contains(ip("192.168.4.0"))).isTrue();
        assertThat(network.contains(ip("192.168.7.255"))).isTrue();
        assertThat(network.contains(ip("192.168.3.255"))).isFalse();
        assertThat(network.contains(ip("192.168.8.0"))).isFalse();
    }

    @Test
    void ipv6Network_containsOnlyItsOwnAddresses() {
        Cidr network = Cidr.of("2001:db8::/32");
        assertThat(network.contains(ip("2001:db8::1"))).isTrue();
        assertThat(network.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")))
                .isTrue();
        assertThat(network.contains(ip("2001:db9::"))).isFalse();
        assertThat(Cidr.of("fc00::/7").contains(ip("fdff::1"))).isTrue();
        assertThat(Cidr.of("fd00::/8").contains(ip("fc00::1"))).isFalse();
    }

    @Test
    void zeroPrefix_containsEveryAddressOfItsFamilyOnly() {
        assertThat(Cidr.of("0.0.0.0/0").contains(ip("255.255.255.255"))).isTrue();
        assertThat(Cidr.of("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(Cidr.of("::/0").contains(ip("2001:db8::1"))).isTrue();
        assertThat(Cidr.of("::/0").contains(ip("1.2.3.4"))).isFalse();
    }

    @Test
    void fullPrefixOrBareAddress_containsExactlyOneAddress() {
        assertThat(Cidr.of("192.0.2.7/32").contains(ip("192.0.2.7"))).isTrue();
        assertThat(Cidr.of("192.0.2.7/32").contains(ip("192.0.2.6"))).isFalse();
        assertThat(Cidr.of("192.0.2.7")).isEqualTo(Cidr.of("192.0.2.7/32"));
        assertThat(Cidr.of("::1/128").contains(ip("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(Cidr.of("::1/128").contains(ip("::2"))).isFalse();
        assertThat(Cidr.of("::1")).isEqualTo(Cidr.of("::1/128"));
    }

    @Test
    void ipv4MappedIpv6Address_isTreatedAsIpv4() {
        assertThat(Cidr.of("10.0.0.0/8").contains(ip("::ffff:10.1.2.3"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "10.0.0.0/33",
                "::/129",
                "10.0.0/8",
                "10.0.0.0.0",
                "256.0.0.0",
                "010.0.0.0/8",
                "10.0.0.1/8",
                "2001:db8::1/32",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "10.0.0.0/+8",
                "10.0.0.0/8/8",
                "example.com",
                "localhost",
                "1::2::3",
                "[::1]",
                ".:1",
                "*",
                "10.*",
                "10.0.0.0 /8x",
                "2001:db8::/3x"
            })
    void of_rejectsWhatIsNotCidrNotation(String text) {
        assertThatThrownBy(() -> Cidr.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid CIDR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1.2.3", "1.2.3.4.5", "01.2.3.4", "::1::", "g::1", ""})
    void ipLiteral_refusesNamesAndMalformedAddresses(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }

    private static InetAddress ip(String text) {
        InetAddress address = IpLiteral.parse(text);
        assertThat(address).as(text).isNotNull();
        return address;
    }
}
