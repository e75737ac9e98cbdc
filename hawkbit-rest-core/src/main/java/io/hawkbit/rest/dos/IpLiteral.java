package io.hawkbit.rest.dos;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IPv4 and IPv6 address literals without ever asking DNS. */
final class IpLiteral {

    private IpLiteral() {}

    /**
     * The address written in {@code text}, or null when it is not a literal: dotted-quad IPv4 (no leading zeros, which
     * some parsers read as octal) or IPv6 in any RFC 4291 form, an optional {@code %zone} dropped. IPv4-mapped IPv6
     * addresses come back as IPv4.
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static InetAddress parseV4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null;
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? byAddress(bytes) : null;
    }

    private static InetAddress parseV6(String text) {
        int zone = text.indexOf('%');
        String address = zone >= 0 ? text.substring(0, zone) : text;
        // InetAddress only takes the literal path for strings starting with a hex digit or a colon.
        if (address.isEmpty() || (address.charAt(0) != ':' && Character.digit(address.charAt(0), 16) < 0)) {
            return null;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            // A string with a colon is only ever parsed as an IPv6 literal: no name lookup happens.
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
