package io.hawkbit.server.cluster;

import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.hawkbit.repository.event.NodeLeftEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Announces this node on the bus periodically, and its departure on shutdown. */
@Component
class MemberHeartbeat {

    private final ClusterEventPublisher events;
    private final ClusterProperties properties;
    private final TaskScheduler scheduler;
    private final NodeFiguresSampler figures;
    private final long startedAt;
    private final String version;
    private volatile String address = host();
    private volatile ScheduledFuture<?> beating;

    public MemberHeartbeat(
            ClusterEventPublisher events,
            ClusterProperties properties,
            TaskScheduler scheduler,
            NodeFiguresSampler figures,
            Clock clock) {
        this.figures = figures;
        this.events = events;
        this.properties = properties;
        this.scheduler = scheduler;
        this.startedAt = clock.millis();
        String implementation = MemberHeartbeat.class.getPackage().getImplementationVersion();
        this.version = implementation == null ? "dev" : implementation;
    }

    @EventListener
    public void onWebServer(WebServerInitializedEvent event) {
        address = host() + ":" + event.getWebServer().getPort();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        try {
            beating = scheduler.scheduleWithFixedDelay(this::beat, properties.getHeartbeatInterval());
        } catch (TaskRejectedException e) {
            // The context closed while it was still starting: the scheduler is gone and there is nobody to announce.
        }
    }

    void beat() {
        events.publish(new NodeHeartbeatEvent(address, version, startedAt, figures.sample(), events.origin()));
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        if (beating != null) {
            beating.cancel(false);
            events.publish(new NodeLeftEvent(events.origin()));
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
