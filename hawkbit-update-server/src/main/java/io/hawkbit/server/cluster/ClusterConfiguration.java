package io.hawkbit.server.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.bus.BusProperties;
import org.springframework.cloud.bus.StreamBusBridge;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cluster membership and, when the bus is on, the asynchronous bridge to the broker. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    /** Replaces the bus's synchronous bridge, which would make a request wait on, or fail with, the broker. */
    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    AsyncBusBridge asyncBusBridge(StreamBridge streamBridge, BusProperties bus, MeterRegistry meters, ClusterProperties cluster) {
        return new AsyncBusBridge(new StreamBusBridge(streamBridge, bus), meters, cluster.getPublishQueueCapacity());
    }
}
