package io.hawkbit.rest.security;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.action.ControllerService;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** Two stateless chains: DDI by device or gateway token, Management API by HTTP Basic; the rest is public. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserProperties.class)
public class SecurityConfiguration {

    @Bean
    ManagementUsers managementUsers(UserProperties properties) {
        return new ManagementUsers(properties);
    }

    @Bean
    @Order(1)
    SecurityFilterChain ddiChain(HttpSecurity http, TenantProperties tenants, TenantConfigurationService config,
            ControllerService controllers) throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(null);
        return http.securityMatcher("/*/controller/v1/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .addFilterBefore(new DdiAuthenticationFilter(tenants, config, controllers), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("CONTROLLER"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain managementChain(HttpSecurity http, ManagementUsers users) throws Exception {
        JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint("Basic realm=\"hawkBit\"");
        return http.securityMatcher("/rest/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .userDetailsService(users)
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/rest/**").hasAnyRole("READ", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
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
