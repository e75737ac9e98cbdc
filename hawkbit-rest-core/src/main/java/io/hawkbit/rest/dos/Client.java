package io.hawkbit.rest.dos;

import java.net.InetAddress;

/**
 * The client behind a request: its address as counting key (normalised, e.g. {@code 0:0:0:0:0:0:0:1}), and how the
 * allow and deny lists treat it. {@code address} is null when the peer address was no IP literal.
 */
public record Client(String key, InetAddress address, boolean whitelisted, boolean blacklisted) {}
