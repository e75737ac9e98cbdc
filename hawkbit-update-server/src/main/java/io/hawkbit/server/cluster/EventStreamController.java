package io.hawkbit.server.cluster;

import io.hawkbit.rest.dos.RejectedResponse;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /rest/v1/events}: a Server-Sent-Events stream of every change in the cluster, for operators. */
@RestController
class EventStreamController {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamController.class);

    /** When a slot frees cannot be known (a stream ends when its client leaves); this keeps reconnect loops polite. */
    private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EventStream stream;
    private final CurrentUser user;

    public EventStreamController(EventStream stream, CurrentUser user) {
        this.stream = stream;
        this.user = user;
    }

    /** The stream, or null when a cap refuses it and the 429 is already written (the body is JSON, not SSE). */
    @GetMapping(value = "/rest/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(HttpServletResponse response) throws IOException {
        try {
            return stream.subscribe(user.tenant(), user.name());
        } catch (StreamLimitException e) {
            LOG.debug("Event stream refused for {}: {}", user.name(), e.getMessage());
            RejectedResponse.tooManyRequests(response, RETRY_AFTER_NANOS, e.getClass(), e.getMessage());
            return null;
        }
    }
}
