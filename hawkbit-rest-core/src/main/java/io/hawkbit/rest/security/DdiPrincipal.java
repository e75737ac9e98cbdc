package io.hawkbit.rest.security;

/** Who called the DDI API: a device with its own token, or a gateway acting for devices of the tenant. */
public record DdiPrincipal(String tenant, String controllerId, boolean gateway) {}
