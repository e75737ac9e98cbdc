package io.hawkbit.repository.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every node an id ({@code hawkbit.node.id}, generated when absent) and makes it the Spring Cloud Bus id, so
 * that {@code ServiceMatcher.isFromSelf} and our own origin checks agree. Two nodes sharing an id would drop each
 * other's events as their own.
 */
public class NodeIdEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        String id = environment.getProperty("hawkbit.node.id");
        if (id == null || id.isBlank()) {
            id = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
            defaults.put("hawkbit.node.id", id);
        }
        defaults.put("spring.cloud.bus.id", id);
        // First, so the bus id always equals the node id whatever defaults the bus adds.
        environment.getPropertySources().addFirst(new MapPropertySource("hawkbitNodeId", defaults));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    /** Runs after the config files were read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
