package io.hawkbit.rest.request;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the body size cap, the parameter decoding and the Content-Type checks right after the character encoding filter, ahead of
 * the DoS filter and Spring Security, so malformed or oversized requests cost nothing further.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(RequestLimitsProperties limits) {
        FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(new BodySizeFilter(limits));
        registration.setName("bodySizeFilter");
        // After CharacterEncodingFilter (HIGHEST_PRECEDENCE) and the request observation (+1), so both still see the
        // request.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ParameterDecodingFilter> parameterDecodingFilter() {
        FilterRegistrationBean<ParameterDecodingFilter> registration =
                new FilterRegistrationBean<>(new ParameterDecodingFilter());
        registration.setName("parameterDecodingFilter");
        // Decoding needs the request's character encoding set; a form body is read only after its size was checked.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
        FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setName("contentTypeFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }
}
