package io.hawkbit.rest.request;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
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

    /**
     * Tomcat answers {@code Expect: 100-continue} as soon as it has the headers, so a client that asks first (curl does
     * for bodies over 1 MB) still uploads the body that {@link BodySizeFilter} refuses from its length. Answering only
     * when the application reads the body lets that client stop at the 413 without sending a byte of it.
     */
    @Bean
    TomcatConnectorCustomizer continueOnlyWhenBodyIsRead() {
        return connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http11) {
                http11.setContinueResponseTiming("onRead");
            }
        };
    }
}
