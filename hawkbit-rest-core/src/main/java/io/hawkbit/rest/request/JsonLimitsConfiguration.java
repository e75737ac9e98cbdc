package io.hawkbit.rest.request;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's JSON mapper builder (it replaces Boot's, which cannot set parser limits): strings are capped at
 * {@code hawkbit.server.request.max-json-string-length}, and a fraction for an integer ({@code "id": 1.5}) is refused
 * instead of truncated. Boot's {@code spring.jackson.*} properties and every other customizer still apply afterwards.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsProperties.class)
class JsonLimitsConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(
            RequestLimitsProperties limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limits.getMaxJsonStringLength())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(constraints).build())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
