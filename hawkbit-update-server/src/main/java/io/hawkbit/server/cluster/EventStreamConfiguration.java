package io.hawkbit.server.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The event stream of {@code GET /rest/v1/events}, on the system clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamConfiguration {

    @Bean
    EventStream eventStream(JsonMapper json, EventStreamProperties properties, MeterRegistry meters) {
        return new EventStream(json, properties, meters, System::nanoTime);
    }
}
