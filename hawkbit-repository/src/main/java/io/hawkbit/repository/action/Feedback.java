package io.hawkbit.repository.action;

import java.util.List;

/** A status report of a device for an action (DDI feedback), already parsed leniently. */
public record Feedback(Execution execution, Result result, Integer code, List<String> details, Long occurredAt) {

    /** DDI's {@code status.execution}. */
    public enum Execution {
        CLOSED,
        PROCEEDING,
        CANCELED,
        SCHEDULED,
        REJECTED,
        RESUMED,
        DOWNLOAD,
        DOWNLOADED
    }

    /** DDI's {@code status.result.finished}. */
    public enum Result {
        SUCCESS,
        FAILURE,
        NONE
    }

    public Feedback {
        details = details == null
                ? List.of()
                : details.stream().filter(d -> d != null).toList();
        result = result == null ? Result.NONE : result;
    }
}
