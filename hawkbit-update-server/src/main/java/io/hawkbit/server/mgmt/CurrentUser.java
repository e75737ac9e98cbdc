package io.hawkbit.server.mgmt;

import io.hawkbit.rest.security.ManagementUser;
import io.hawkbit.rest.security.Role;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The Management API caller: its name and the tenant it works in. */
@Component
public class CurrentUser {

    public String tenant() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ManagementUser user) {
            return user.getTenant();
        }
        return "DEFAULT";
    }

    /** Whether the caller holds the role, itself or implied by another (ADMIN implies both token permissions). */
    public boolean has(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** Whether targets shown to the caller may include their security token. */
    public boolean seesTargetTokens() {
        return has(Role.READ_TARGET_SECURITY_TOKEN);
    }

    /** The caller's granted authorities ({@code ROLE_<role>}, implied roles included), sorted. */
    public List<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                ? List.of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .sorted()
                        .toList();
    }

    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
