package io.hawkbit.rest.login;

/** The authentication details of a Management API login: the client address as resolved by the DoS settings. */
public record LoginClient(String address, boolean whitelisted) {}
