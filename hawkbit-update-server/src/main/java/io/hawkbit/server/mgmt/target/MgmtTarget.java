package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.target.Target;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.net.URI;

/**
 * hawkBit's target as the Management API shows it; {@code pollStatus} only for targets that polled, {@code
 * autoConfirmActive} (and the single target's {@code autoConfirm} link) only while the confirmation flow is on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MgmtTarget(
        String controllerId,
        String name,
        String description,
        String updateStatus,
        Long lastControllerRequestAt,
        Long installedAt,
        String ipAddress,
        String address,
        MgmtPollStatus pollStatus,
        String securityToken,
        boolean requestAttributes,
        String group,
        Long targetType,
        String targetTypeName,
        Boolean autoConfirmActive,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = Links.TARGETS;

    /** Where target types live; a typed target links to its type there. */
    static final String TARGET_TYPES = "/rest/v1/targettypes/";

    /** A target's type as the body shows it: id and name, or null for an untyped target. */
    record TypeRef(Long id, String name) {}

    /** A list item: only the self link; the security token only when {@code withToken}. */
    static MgmtTarget of(
            Target target, TypeRef type, MgmtPollStatus pollStatus, boolean withToken, Boolean autoConfirmActive) {
        return of(target, type, pollStatus, Links.self(PATH + target.getControllerId()), withToken, autoConfirmActive);
    }

    static MgmtTarget detailed(
            Target target, TypeRef type, MgmtPollStatus pollStatus, boolean withToken, Boolean autoConfirmActive) {
        String path = PATH + target.getControllerId();
        Links links = Links.self(path)
                .with("assignedDS", path + "/assignedDS")
                .with("installedDS", path + "/installedDS")
                .with("attributes", path + "/attributes")
                .with("actions", path + "/actions?offset=0&limit=50&sort=id:DESC")
                .with("metadata", path + "/metadata");
        if (type != null) {
            links.with("targetType", TARGET_TYPES + type.id());
        }
        if (autoConfirmActive != null) {
            links.with("autoConfirm", path + "/autoConfirm");
        }
        return of(target, type, pollStatus, links, withToken, autoConfirmActive);
    }

    // Without the permission the field is left out, as hawkBit does: the token lets its holder act as the device.
    private static MgmtTarget of(
            Target target,
            TypeRef type,
            MgmtPollStatus pollStatus,
            Links links,
            boolean withToken,
            Boolean autoConfirmActive) {
        return new MgmtTarget(
                target.getControllerId(),
                target.getName(),
                target.getDescription(),
                target.getUpdateStatus().json(),
                target.getLastTargetQuery(),
                target.getInstallDate(),
                host(target.getAddress()),
                target.getAddress(),
                pollStatus,
                withToken ? target.getSecurityToken() : null,
                target.isRequestControllerAttributes(),
                target.getGroup(),
                type == null ? null : type.id(),
                type == null ? null : type.name(),
                autoConfirmActive,
                MgmtAudit.of(target),
                links);
    }

    private static String host(String address) {
        if (address == null) {
            return null;
        }
        try {
            return URI.create(address).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
