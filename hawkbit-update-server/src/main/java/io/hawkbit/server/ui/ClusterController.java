package io.hawkbit.server.ui;

import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.EventOrigin;
import io.hawkbit.repository.event.NodeFigures;
import io.hawkbit.repository.event.NodeHeartbeatEvent;
import io.hawkbit.rest.dos.RejectedResponse;
import io.hawkbit.server.cluster.ClusterMembers;
import io.hawkbit.server.cluster.EventStream;
import io.hawkbit.server.cluster.StreamLimitException;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The cluster page: the live members with heartbeat age and uptime, and a live feed of the tenant's events with the
 * node each one came from. The feed is the event stream of {@code /rest/v1/events}, opened with the console session.
 */
@Controller
class ClusterController {

    private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ClusterMembers members;
    private final EventOrigin origin;
    private final EventStream stream;
    private final CurrentUser user;
    private final Clock clock;
    private final List<String> eventTypes;

    ClusterController(ClusterMembers members, EventOrigin origin, EventStream stream, CurrentUser user, Clock clock) {
        this.members = members;
        this.origin = origin;
        this.stream = stream;
        this.user = user;
        this.clock = clock;
        this.eventTypes = eventTypes();
    }

    /** A member as the table shows it; the figures are "–" for a node that sends none (an older version). */
    record NodeRow(
            String id,
            boolean self,
            String address,
            String version,
            String uptime,
            String heartbeat,
            String events,
            String polls,
            String cacheHits,
            String rejections,
            String locks) {}

    @GetMapping("/ui/cluster")
    String cluster(Model model) {
        model.addAttribute("self", origin.nodeId()).addAttribute("eventTypes", String.join(",", eventTypes));
        nodes(model);
        return "ui/cluster";
    }

    @GetMapping("/ui/cluster/nodes")
    String nodesFragment(Model model) {
        nodes(model);
        return "ui/cluster :: nodes";
    }

    /** The feed: the tenant's events as SSE, each named by its type; null when a stream cap refused it (429 written). */
    @GetMapping(value = "/ui/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(HttpServletResponse response) throws IOException {
        try {
            SseEmitter emitter = stream.subscribe(user.tenant(), user.name());
            // The response is committed with its first message: without one, the browser reports the feed as
            // connecting until the next event, however long that takes.
            emitter.send(SseEmitter.event().comment("connected"));
            return emitter;
        } catch (StreamLimitException e) {
            RejectedResponse.tooManyRequests(response, RETRY_AFTER_NANOS, e.getClass(), e.getMessage());
            return null;
        }
    }

    private void nodes(Model model) {
        String self = origin.nodeId();
        var now = clock.instant();
        model.addAttribute(
                "nodes",
                members.live().stream()
                        .map(m -> new NodeRow(
                                m.id(),
                                m.id().equals(self),
                                m.address(),
                                m.version(),
                                ConsoleModel.since(Duration.between(m.startedAt(), now)),
                                ConsoleModel.since(Duration.between(m.lastSeen(), now)) + " ago",
                                m.figures() == null ? NONE : events(m.figures()),
                                m.figures() == null || m.figures().ddiPollsPerMinute() == null
                                        ? NONE
                                        : Long.toString(m.figures().ddiPollsPerMinute()),
                                m.figures() == null ? NONE : cacheHits(m.figures()),
                                m.figures() == null ? NONE : rejections(m.figures()),
                                m.figures() == null ? NONE : locks(m.figures(), now)))
                        .toList());
    }

    private static final String NONE = "–";

    private static String events(NodeFigures f) {
        return String.format(Locale.ROOT, "%.1f out, %.1f in", f.eventsSentPerSecond(), f.eventsReceivedPerSecond());
    }

    private static String cacheHits(NodeFigures f) {
        return f.cacheHitRate() == null ? "no lookups yet" : Math.round(f.cacheHitRate() * 100) + " %";
    }

    private static String rejections(NodeFigures f) {
        return f.rejectedRequests() + " requests, " + f.rejectedLogins() + " logins";
    }

    /** Held locks first ("rollouts (now)"), then the jobs this node ran last, newest first. */
    private static String locks(NodeFigures f, Instant now) {
        List<String> parts = new ArrayList<>();
        f.locksHeld().stream().sorted().forEach(job -> parts.add(job + " (now)"));
        f.lastLockRuns().entrySet().stream()
                .filter(e -> !f.locksHeld().contains(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " "
                        + ConsoleModel.since(Duration.between(Instant.ofEpochMilli(e.getValue()), now)) + " ago"));
        return parts.isEmpty() ? "none yet" : String.join(", ", parts);
    }

    /** The simple names of every event the stream can carry: the SSE event names the feed listens to. */
    private static List<String> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ClusterEvent.class));
        return scanner.findCandidateComponents(ClusterEvent.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .filter(name -> !name.equals(NodeHeartbeatEvent.class.getSimpleName()))
                .sorted()
                .toList();
    }
}
