package io.hawkbit.rest.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation around each of Spring Security's filters: metrics nobody reads, yet with those observations merely
 * disabled by a predicate ({@code management.observations.enable.spring.security=false}, as before) the decorator
 * still wrapped every filter of every request and built an observation context for it (an allocation profile of the
 * DDI poll, docs/performance.md "Bytes per poll"). The HTTP request observation ({@code http.server.requests}) stays.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
