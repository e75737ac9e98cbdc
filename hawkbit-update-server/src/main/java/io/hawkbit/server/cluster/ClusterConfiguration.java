package io.hawkbit.server.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cache.CacheManager;
import org.springframework.cloud.bus.BusConstants;
import org.springframework.cloud.bus.BusProperties;
import org.springframework.cloud.bus.StreamBusBridge;
import org.springframework.cloud.function.core.FunctionInvocationHelper;
import org.springframework.cloud.stream.binder.rabbit.properties.RabbitExtendedBindingProperties;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.messaging.Message;

/** Cluster membership and, when the bus is on, the asynchronous bridge to the broker and the cache flush on reconnect. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    /** Puts a converter that builds its JSON mapper once in place of the bus's, which builds one per message. */
    @Bean
    static BeanPostProcessor busJsonConverterReplacement() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return "busJsonConverter".equals(beanName) ? new CachingBusJsonConverter() : bean;
            }
        };
    }

    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    CacheFlush cacheFlush(CacheManager caches, MeterRegistry meters) {
        return new CacheFlush(caches, meters);
    }

    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    BrokerReconnectFlusher brokerReconnectFlusher(
            ObjectProvider<AbstractConnectionFactory> connectionFactories, CacheFlush flush) {
        return new BrokerReconnectFlusher(connectionFactories, flush);
    }

    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    DroppedEventsFlusher droppedEventsFlusher(BusProperties bus, CacheFlush flush) {
        return new DroppedEventsFlusher(bus.getId(), flush);
    }

    /**
     * Spring Cloud Function's CloudEvents helper is left out (application.yml): it looked for CloudEvents headers in
     * every bus message, which carries none, for ~7 % of the bytes a node allocates per received event. StreamBridge
     * still wants a helper; this one has the interface's own pass-through behaviour.
     */
    @Bean
    FunctionInvocationHelper<Message<?>> passThroughFunctionInvocationHelper() {
        return new FunctionInvocationHelper<>() {};
    }

    /**
     * Gives the bus's consumer a header mapper that maps what the binder's does without compiling regular expressions
     * per message ({@link BusHeaderMapper}), with the binding's header patterns as the binder reads them.
     */
    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    ConsumerEndpointCustomizer<AmqpInboundChannelAdapter> busHeaderMapperCustomizer(
            BusProperties bus, ConfigurableApplicationContext context) {
        String[] patterns = busHeaderPatterns(context);
        return (endpoint, destination, group) -> {
            if (bus.getDestination().equals(destination)) {
                endpoint.setHeaderMapper(new BusHeaderMapper(patterns));
            }
        };
    }

    /** The header patterns of the bus's consumer, read by the binder's own properties class. */
    static String[] busHeaderPatterns(ConfigurableApplicationContext context) {
        RabbitExtendedBindingProperties rabbit = Binder.get(context.getEnvironment())
                .bindOrCreate("spring.cloud.stream.rabbit", RabbitExtendedBindingProperties.class);
        rabbit.setApplicationContext(context);
        return rabbit.getExtendedConsumerProperties(BusConstants.INPUT).getHeaderPatterns();
    }

    /** Replaces the bus's synchronous bridge, which would make a request wait on, or fail with, the broker. */
    @Bean
    @ConditionalOnBooleanProperty("spring.cloud.bus.enabled")
    AsyncBusBridge asyncBusBridge(
            StreamBridge streamBridge, BusProperties bus, MeterRegistry meters, ClusterProperties cluster) {
        return new AsyncBusBridge(
                new StreamBusBridge(streamBridge, bus), meters, cluster.getPublishQueueCapacity(), bus.getId());
    }
}
