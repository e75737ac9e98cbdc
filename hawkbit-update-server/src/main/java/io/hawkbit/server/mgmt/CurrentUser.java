package io.hawkbit.server.mgmt;

import io.hawkbit.rest.security.ManagementUser;
import org.springframework.security.core.Authentication;
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

    public String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
