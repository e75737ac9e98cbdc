package io.hawkbit.rest.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.PollService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates DDI requests ({@code /{tenant}/controller/v1/{controllerId}/...}) by {@code TargetToken} or
 * {@code GatewayToken}, each only when the tenant switched it on. A target token opens only its own target's paths.
 */
public class DdiAuthenticationFilter extends OncePerRequestFilter {

    private static final String TARGET_TOKEN = "TargetToken ";
    private static final String GATEWAY_TOKEN = "GatewayToken ";

    private final TenantProperties tenants;
    private final TenantSettings config;
    private final PollService devices;

    public DdiAuthenticationFilter(TenantProperties tenants, TenantSettings config, PollService devices) {
        this.tenants = tenants;
        this.config = config;
        this.devices = devices;
    }

    /**
     * The tenant and controllerId named by a DDI path, percent-decoded as Spring MVC decodes the path variables the
     * controllers act on, or empty when the path is not one (or not decodable).
     */
    public record DdiPath(String tenant, String controllerId, boolean download) {

        /** @param path the raw request path without the context path, as {@code getRequestURI()} gives it */
        public static Optional<DdiPath> parse(String path) {
            String[] parts = path.split("/");
            // "", tenant, "controller", "v1", controllerId, ...
            if (parts.length < 5 || !parts[2].equals("controller") || !parts[3].equals("v1") || parts[4].isEmpty()) {
                return Optional.empty();
            }
            boolean download = parts.length >= 8 && parts[5].equals("softwaremodules") && parts[7].equals("artifacts");
            try {
                // The token must be checked for the id the controllers get: "dev%42" is devB to them.
                return Optional.of(new DdiPath(UriUtils.decode(parts[1], StandardCharsets.UTF_8),
                        UriUtils.decode(parts[4], StandardCharsets.UTF_8), download));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<DdiPrincipal> principal = DdiPath.parse(request.getRequestURI().substring(request.getContextPath().length()))
                .flatMap(path -> authenticate(path, request.getHeader("Authorization")));
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

    private Optional<DdiPrincipal> authenticate(DdiPath path, String authorization) {
        Optional<String> tenant = tenants.canonical(path.tenant());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String t = tenant.get();
        if (authorization != null && authorization.startsWith(TARGET_TOKEN)
                && config.enabled(t, TenantConfigKey.TARGET_TOKEN_ENABLED)) {
            String token = authorization.substring(TARGET_TOKEN.length()).trim();
            Optional<PollService.Device> device = devices.device(t, path.controllerId());
            if (device.isPresent() && equal(device.get().securityToken(), token)) {
                return Optional.of(new DdiPrincipal(t, path.controllerId(), false));
            }
        }
        if (authorization != null && authorization.startsWith(GATEWAY_TOKEN)
                && config.enabled(t, TenantConfigKey.GATEWAY_TOKEN_ENABLED)) {
            String key = config.value(t, TenantConfigKey.GATEWAY_TOKEN_KEY);
            if (!key.isEmpty() && equal(key, authorization.substring(GATEWAY_TOKEN.length()).trim())) {
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
