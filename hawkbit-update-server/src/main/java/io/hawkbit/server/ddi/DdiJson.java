package io.hawkbit.server.ddi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hawkbit.server.mgmt.Links;
import java.util.List;
import java.util.Map;

/** The DDI wire format, with hawkBit's names; every record leaves out null fields. */
final class DdiJson {

    private DdiJson() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ControllerBase(
            Config config, @JsonProperty("_links") Links links) {}

    record Config(Polling polling) {}

    record Polling(String sleep) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeploymentBase(String id, Deployment deployment, ActionHistory actionHistory) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Deployment(String download, String update, String maintenanceWindow, List<Chunk> chunks) {}

    /** {@code metadata}: the module's entries marked targetVisible, left out when it has none (as hawkBit does). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Chunk(String part, String version, String name, List<Artifact> artifacts, List<Metadata> metadata) {}

    record Metadata(String key, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Artifact(
            String filename,
            Hashes hashes,
            long size,
            @JsonProperty("_links") Links links) {}

    record Hashes(String sha1, String md5, String sha256) {}

    record ActionHistory(String status, List<String> messages) {}

    record Cancel(String id, CancelActionToStop cancelAction) {}

    record CancelActionToStop(String stopId) {}

    /**
     * Feedback as devices send it; every part is optional except the execution, and unknown fields are ignored.
     * Numbers are {@link Number}: the mapper refuses a fraction for an integer, but devices send timestamps as
     * floats (Python's {@code time.time() * 1000}) and hawkBit truncates them, so DDI keeps doing so.
     */
    record ActionFeedback(Object id, String time, Number timestamp, Status status) {}

    record Status(String execution, Result result, List<String> details, Number code) {}

    record Result(String finished, Progress progress) {}

    record Progress(Number cnt, Number of) {}

    record ConfigData(String mode, Map<String, Object> data) {}
}
