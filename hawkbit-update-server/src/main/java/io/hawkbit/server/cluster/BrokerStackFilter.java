package io.hawkbit.server.cluster;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out the auto-configurations of the broker stack (Spring Cloud Bus, Stream, Function, Commons, Spring
 * Integration's infrastructure and RabbitMQ) when the bus is off, as on a single node. Their own conditions would keep
 * most beans away too, but only after loading and evaluating hundreds of classes, and several of them (the binding
 * service, the function catalog, a Rabbit connection factory, Spring Integration's channels) would still start. The
 * check uses the bus's own switch and default: {@code spring.cloud.bus.enabled}, on when absent.
 */
public class BrokerStackFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final List<String> BROKER_STACK = List.of(
            "org.springframework.cloud.", "org.springframework.boot.amqp.", "org.springframework.boot.integration.");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean busOn = environment.getProperty("spring.cloud.bus.enabled", Boolean.class, true);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            matches[i] = busOn || !isBrokerStack(autoConfigurationClasses[i]);
        }
        return matches;
    }

    static boolean isBrokerStack(String className) {
        return className != null && BROKER_STACK.stream().anyMatch(className::startsWith);
    }
}
