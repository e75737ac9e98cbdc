package io.hawkbit.rest.security;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.PollService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.rest.path.DdiPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates DDI requests ({@code /{tenant}/controller/v1/{controllerId}/...}) by the client certificate a trusted
 * reverse proxy vouches for, {@code TargetToken} or {@code GatewayToken}, each only when the tenant switched it on. A
 * certificate or a target token opens only its own target's paths.
 */
class DdiAuthenticationFilter extends OncePerRequestFilter {

    private static final String TARGET_TOKEN = "TargetToken ";
    private static final String GATEWAY_TOKEN = "GatewayToken ";

    private final TenantProperties tenants;
    private final TenantSettings config;
    private final PollService devices;
    private final CertificateHeaders certificates;

    DdiAuthenticationFilter(
            TenantProperties tenants, TenantSettings config, PollService devices, CertificateHeaders certificates) {
        this.tenants = tenants;
        this.config = config;
        this.devices = devices;
        this.certificates = certificates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<DdiPrincipal> principal = DdiPath.parse(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                .flatMap(path -> authenticate(path, request));
        principal.ifPresent(p -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new DdiAuthentication(p));
            SecurityContextHolder.setContext(context);
        });
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<DdiPrincipal> authenticate(DdiPath path, HttpServletRequest request) {
        Optional<String> tenant = tenants.canonical(path.tenant());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String t = tenant.get();
        // As in hawkBit, the device need not exist yet: its first poll registers it, like a gateway's.
        if (config.enabled(t, TenantConfigKey.HEADER_AUTH_ENABLED)
                && certificates.vouchFor(
                        request, path.controllerId(), config.value(t, TenantConfigKey.HEADER_AUTH_AUTHORITY))) {
            return Optional.of(new DdiPrincipal(t, path.controllerId(), false));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null
                && authorization.startsWith(TARGET_TOKEN)
                && config.enabled(t, TenantConfigKey.TARGET_TOKEN_ENABLED)) {
            String token = authorization.substring(TARGET_TOKEN.length()).trim();
            Optional<PollService.Device> device = devices.device(t, path.controllerId());
            if (device.isPresent() && equal(device.get().securityToken(), token)) {
                return Optional.of(new DdiPrincipal(t, path.controllerId(), false));
            }
        }
        if (authorization != null
                && authorization.startsWith(GATEWAY_TOKEN)
                && config.enabled(t, TenantConfigKey.GATEWAY_TOKEN_ENABLED)) {
            String key = config.value(t, TenantConfigKey.GATEWAY_TOKEN_KEY);
            if (!key.isEmpty()
                    && equal(
                            key, authorization.substring(GATEWAY_TOKEN.length()).trim())) {
                return Optional.of(new DdiPrincipal(t, path.controllerId(), true));
            }
        }
        if (path.download() && config.enabled(t, TenantConfigKey.ANONYMOUS_DOWNLOAD_ENABLED)) {
            return Optional.of(new DdiPrincipal(t, path.controllerId(), false));
        }
        return Optional.empty();
    }

    private static boolean equal(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The authentication a DDI request carries. */
    static final class DdiAuthentication extends AbstractAuthenticationToken {

        private final DdiPrincipal principal;

        DdiAuthentication(DdiPrincipal principal) {
            super(List.of(new SimpleGrantedAuthority("ROLE_CONTROLLER")));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public DdiPrincipal getPrincipal() {
            return principal;
        }
    }
}
