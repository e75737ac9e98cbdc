package io.hawkbit.rest.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a Management API user can be given (hawkBit's permission names where hawkBit has one). A user's
 * authorities are its roles, each with what it implies, as {@code ROLE_<name>}.
 */
public enum Role {

    /** Every Management API request of the user's tenant; implies both token permissions. */
    ADMIN,
    /** GET requests of the Management API in the user's tenant, without device tokens or the gateway key. */
    READ,
    /** Seeing the {@code securityToken} of targets, with which one can act as the device. */
    READ_TARGET_SECURITY_TOKEN,
    /** Seeing the tenant setting {@code authentication.gatewaytoken.key}, with which one can act as any device. */
    READ_GATEWAY_SECURITY_TOKEN,
    /**
     * The actuator beyond health and info: node-wide views (metrics of every tenant, cluster members, caches) and
     * writes (flushing caches). Not tied to a tenant, and no Management API access of its own.
     */
    SYSTEM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and the roles it implies. */
    Set<Role> withImplied() {
        return this == ADMIN
                ? EnumSet.of(ADMIN, READ_TARGET_SECURITY_TOKEN, READ_GATEWAY_SECURITY_TOKEN)
                : EnumSet.of(this);
    }

    /** The role of a configured name in any case; unknown names throw, listing the known ones. */
    static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + name + "'; known roles: "
                            + Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", ")),
                    e);
        }
    }
}
