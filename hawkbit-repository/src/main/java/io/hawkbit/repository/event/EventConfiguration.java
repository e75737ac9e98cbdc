package io.hawkbit.repository.event;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.bus.jackson.RemoteApplicationEventScan;
import org.springframework.context.annotation.Configuration;

/** Registers the cluster events' JSON type names with the bus and the node and event properties. */
@Configuration(proxyBeanMethods = false)
@RemoteApplicationEventScan(basePackageClasses = ClusterEvent.class)
@EnableConfigurationProperties({NodeProperties.class, EventProperties.class})
class EventConfiguration {}
