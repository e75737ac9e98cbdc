package io.hawkbit.rest.dos;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Tells which client sent a request: the TCP peer, or the address a trusted proxy put in the client-ip header, and
 * whether the allow or deny list names it.
 */
public class ClientAddresses {

    private static final String ATTRIBUTE = Client.class.getName();

    private final List<Cidr> trustedProxies;
    private final String header;
    private final List<Cidr> whitelist;
    private final List<Cidr> blacklist;

    public ClientAddresses(DosProperties properties) {
        this.trustedProxies = List.copyOf(properties.getTrustedProxies());
        this.header = properties.getClientIpHeader();
        this.whitelist = List.copyOf(properties.getWhitelist());
        this.blacklist = List.copyOf(properties.getBlacklist());
    }

    /** The client of the request, resolved once and remembered in a request attribute. */
    public Client resolve(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Client client) {
            return client;
        }
        Client client = resolveUncached(request);
        request.setAttribute(ATTRIBUTE, client);
        return client;
    }

    /**
     * Whether the TCP peer itself is a trusted proxy, so headers a proxy sets may be believed; never when no proxy is
     * trusted. Forwarded headers play no part: only the connection tells who is talking.
     */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        InetAddress peer = IpLiteral.parse(unwrapped(request).getRemoteAddr());
        return peer != null && any(trustedProxies, peer);
    }

    private Client resolveUncached(HttpServletRequest request) {
        HttpServletRequest raw = unwrapped(request);
        String peerText = raw.getRemoteAddr();
        InetAddress peer = IpLiteral.parse(peerText);
        if (peer == null) {
            return new Client(peerText, null, false, false);
        }
        InetAddress client = trustedProxies.isEmpty() || !any(trustedProxies, peer) ? peer : behindProxies(raw, peer);
        return new Client(client.getHostAddress(), client, any(whitelist, client), any(blacklist, client));
    }

    /**
     * Walks the header from the right, past trusted proxies, to the first address no trusted proxy added. Stops at
     * an entry that is no address, keeping the last trusted hop: what lies left of it may be anything a client wrote.
     */
    private InetAddress behindProxies(HttpServletRequest request, InetAddress peer) {
        List<String> entries = new ArrayList<>(4);
        for (Enumeration<String> values = request.getHeaders(header); values != null && values.hasMoreElements(); ) {
            for (String entry : values.nextElement().split(",")) {
                entries.add(entry.trim());
            }
        }
        InetAddress client = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress hop = IpLiteral.parse(withoutPort(entries.get(i)));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!any(trustedProxies, hop)) {
                break;
            }
        }
        return client;
    }

    // Some proxies write "192.0.2.1:4711" or "[2001:db8::1]:4711".
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        return colon > 0 && entry.indexOf('.') > 0 && entry.indexOf(':', colon + 1) < 0
                ? entry.substring(0, colon)
                : entry;
    }

    // Spring's ForwardedHeaderFilter wraps the request: its getRemoteAddr() answers from X-Forwarded-For, whoever sent
    // it, and it hides the forwarded headers. The container's own request has the TCP peer and every header.
    private static HttpServletRequest unwrapped(HttpServletRequest request) {
        HttpServletRequest raw = request;
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
            if (inner instanceof HttpServletRequest http) {
                raw = http;
            }
        }
        return raw;
    }

    private static boolean any(List<Cidr> networks, InetAddress address) {
        if (networks.isEmpty()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Cidr network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }
}
