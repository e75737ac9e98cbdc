package io.hawkbit.server.cluster;

import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /rest/v1/events}: a Server-Sent-Events stream of every change in the cluster, for operators. */
@RestController
public class EventStreamController {

    private final EventStream stream;
    private final CurrentUser user;

    public EventStreamController(EventStream stream, CurrentUser user) {
        this.stream = stream;
        this.user = user;
    }

    @GetMapping(value = "/rest/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events() {
        return stream.subscribe(user.tenant());
    }
}
