package io.hawkbit.server.config;

import io.hawkbit.rest.security.DdiPrincipal;
import java.util.Optional;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Names who changed an entity: the Management API user, a device's controller id, or {@code system}. */
@Component("auditor")
class SecurityAuditor implements AuditorAware<String> {

    @Override
    public Optional<String> getCurrentAuditor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.of("system");
        }
        if (authentication.getPrincipal() instanceof DdiPrincipal ddi) {
            return Optional.of("CONTROLLER_PLUG_AND_PLAY");
        }
        String name = authentication.getName();
        return Optional.of(name.length() > 64 ? name.substring(0, 64) : name);
    }
}
