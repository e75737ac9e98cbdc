package io.hawkbit.server.memory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Returns the start's heap to the OS once the node is ready (see {@link HeapReturn}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemoryProperties.class)
class MemoryConfiguration {

    @Bean
    HeapReturn heapReturn(MemoryProperties properties) {
        return new HeapReturn(properties);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> heapReturnWhenReady(HeapReturn heapReturn) {
        return ready -> heapReturn.apply();
    }
}
