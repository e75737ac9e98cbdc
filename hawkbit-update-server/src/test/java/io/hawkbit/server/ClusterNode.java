package io.hawkbit.server;

import io.hawkbit.repository.event.ClusterEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of a test cluster: a full application context in the cluster profile on the shared test database,
 * talking to the real RabbitMQ through its own {@link TcpProxy}, with a recorder of every cluster event it sees.
 */
final class ClusterNode implements AutoCloseable {

    final String id;
    final TcpProxy broker;
    final ConfigurableApplicationContext context;
    final ApiClient api;
    final List<ClusterEvent> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording = true;

    ClusterNode(String id, String databaseUrl, Path artifacts, String... extraArgs) throws IOException {
        this(id, databaseUrl, artifacts, new TcpProxy(LocalServices.RABBIT_HOST, LocalServices.RABBIT_PORT), extraArgs);
    }

    /**
     * A node connected to RabbitMQ directly, as deployed; its broker connection cannot be cut ({@link #broker} null).
     */
    static ClusterNode direct(String id, String databaseUrl, Path artifacts, String... extraArgs) throws IOException {
        return new ClusterNode(id, databaseUrl, artifacts, null, extraArgs);
    }

    private ClusterNode(String id, String databaseUrl, Path artifacts, TcpProxy broker, String... extraArgs)
            throws IOException {
        this.id = id;
        this.broker = broker;
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=cluster",
                "--server.port=0",
                "--hawkbit.node.id=" + id,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.of(databaseUrl).user,
                "--spring.datasource.password=" + TestDatabase.of(databaseUrl).password,
                "--spring.rabbitmq.host=" + (broker == null ? LocalServices.RABBIT_HOST : "127.0.0.1"),
                "--spring.rabbitmq.port=" + (broker == null ? LocalServices.RABBIT_PORT : broker.port()),
                "--hawkbit.artifact.storage.path=" + artifacts,
                // An exchange per test cluster (its database is unique), so runs sharing the broker never hear each
                // other.
                "--spring.cloud.bus.destination=hawkbit-test."
                        + databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1),
                "--hawkbit.cluster.heartbeat-interval=1s",
                "--hawkbit.cluster.member-timeout=4s",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extraArgs));
        this.context = new SpringApplicationBuilder(UpdateServerApplication.class).run(args.toArray(String[]::new));
        this.context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (recording && event instanceof ClusterEvent clusterEvent) {
                received.add(clusterEvent);
            }
        });
        this.api = new ApiClient(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /**
     * Stops keeping the node's events for {@link #received}: for benchmarks, where tens of thousands of kept events
     * would be copied by every young collection until they are tenured, lengthening the pauses a deployed node does
     * not have (a benchmark node kept ~7,000 events, 10 MB copied per young collection at 500 events/s).
     */
    ClusterNode ignoringEvents() {
        recording = false;
        received.clear();
        return this;
    }

    <T extends ClusterEvent> List<T> received(Class<T> type) {
        synchronized (received) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    double counter(String name, String... tags) {
        Counter counter =
                context.getBean(MeterRegistry.class).find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The sum over every counter of that name with these tags (whatever their other tags). */
    double counterTotal(String name, String... tags) {
        return context.getBean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (broker != null) {
            broker.close();
        }
    }
}
