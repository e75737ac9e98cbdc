package io.hawkbit.rest.dos;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address means the single host).
 * Spring's conversion binds properties to it through {@link #of(String)}.
 */
public final class Cidr {

    private static final String GRAMMAR =
            "expected an IPv4 or IPv6 address with an optional /prefix, e.g. 10.0.0.0/8, " + "192.168.1.7 or fd00::/8";

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException when {@code text} is not CIDR notation or has host bits set */
    public static Cidr of(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("Invalid CIDR '" + text + "': " + GRAMMAR);
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : parsePrefix(trimmed.substring(slash + 1), bits, text);
        for (int bit = prefix; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException(
                        "Invalid CIDR '" + text + "': host bits are set after the /" + prefix + " prefix; " + GRAMMAR);
            }
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    private static int parsePrefix(String digits, int bits, String text) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Invalid CIDR '" + text + "': " + GRAMMAR);
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > bits) {
            throw new IllegalArgumentException("Invalid CIDR '" + text + "': the prefix of an IPv"
                    + (bits == 32 ? 4 : 6) + " network is at most /" + bits);
        }
        return prefix;
    }

    /** Whether the address lies in this network; an IPv4 address never lies in an IPv6 network and vice versa. */
    public boolean contains(InetAddress address) {
        return address != null && contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefix == cidr.prefix && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
