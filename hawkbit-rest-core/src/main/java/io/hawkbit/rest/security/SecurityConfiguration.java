package io.hawkbit.rest.security;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.PollService;
import io.hawkbit.repository.tenant.TenantSettings;
import io.hawkbit.rest.dos.Client;
import io.hawkbit.rest.dos.ClientAddresses;
import io.hawkbit.rest.login.DdiLoginFilter;
import io.hawkbit.rest.login.LoginClient;
import io.hawkbit.rest.login.ManagementLockout;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two stateless chains: DDI by device token, gateway token or a client certificate a trusted proxy vouches for;
 * Management API and actuator (but health and info) by HTTP Basic, the actuator for {@link Role#SYSTEM_ADMIN} only.
 * The rest (Swagger UI, API docs) is public.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({UserProperties.class, ReverseProxyProperties.class})
class SecurityConfiguration {

    @Bean
    ManagementUsers managementUsers(UserProperties properties) {
        return new ManagementUsers(properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain ddiChain(
            HttpSecurity http,
            TenantProperties tenants,
            TenantSettings config,
            PollService devices,
            DdiLoginFilter logins,
            ClientAddresses clients,
            ReverseProxyProperties reverseProxy)
            throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(null);
        return http.securityMatcher("/*/controller/v1/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .addFilterBefore(
                        new DdiAuthenticationFilter(
                                tenants, config, devices, new CertificateHeaders(clients, reverseProxy)),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(logins, DdiAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("CONTROLLER"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain managementChain(
            HttpSecurity http,
            ManagementUsers users,
            ManagementLockout lockout,
            ClientAddresses clients,
            ApplicationEventPublisher events)
            throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint("Basic realm=\"hawkBit\"");
        ProviderManager passwords = new ProviderManager(new DaoAuthenticationProvider(users));
        // Success and bad-credentials events drive ManagementLoginListener's counting.
        passwords.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return http.securityMatcher("/rest/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authenticationManager(lockout.guard(passwords))
                // The client address as the DoS settings resolve it, for the lockout and ManagementLoginListener.
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint).authenticationDetailsSource(request -> {
                    Client client = clients.resolve(request);
                    return new LoginClient(client.key(), client.whitelisted());
                }))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(a -> a
                        // The SSE stream continues on async dispatches; the request itself was authorized.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // Node-wide state of every tenant: not for a tenant's users.
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/rest/**")
                        .hasAnyRole(Role.READ.name(), Role.ADMIN.name())
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }
}
