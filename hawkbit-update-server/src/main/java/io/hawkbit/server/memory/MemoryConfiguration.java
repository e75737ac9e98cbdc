package io.hawkbit.server.memory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Returns the start's heap to the OS before the node serves (see {@link HeapReturn}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemoryProperties.class)
class MemoryConfiguration {

    @Bean
    HeapReturn heapReturn(MemoryProperties properties) {
        return new HeapReturn(properties);
    }

    @Bean
    HeapReturnOnStart heapReturnOnStart(HeapReturn heapReturn, MemoryProperties properties) {
        return new HeapReturnOnStart(heapReturn, properties.getNativeHeapTrimInterval());
    }
}
