package io.hawkbit.server.ddi;

import io.hawkbit.repository.action.Feedback;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the many shapes of device feedback seen in the field into a {@link Feedback}. */
final class DdiFeedbackParser {

    private static final DateTimeFormatter DDI_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private DdiFeedbackParser() {}

    static Feedback parse(DdiJson.ActionFeedback body) {
        if (body == null || body.status() == null || body.status().execution() == null) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "Feedback needs status.execution");
        }
        DdiJson.Status status = body.status();
        Feedback.Execution execution = parseEnum(Feedback.Execution.class, status.execution(), "status.execution");
        Feedback.Result result = status.result() == null || status.result().finished() == null
                ? Feedback.Result.NONE
                : parseEnum(Feedback.Result.class, status.result().finished(), "status.result.finished");
        Integer code = status.code() == null ? null : status.code().intValue();
        return new Feedback(execution, result, code, status.details(), occurredAt(body));
    }

    private static Long occurredAt(DdiJson.ActionFeedback body) {
        if (body.timestamp() != null && body.timestamp().longValue() > 0) {
            return body.timestamp().longValue();
        }
        if (body.time() != null && !body.time().isBlank()) {
            try {
                return LocalDateTime.parse(body.time().trim(), DDI_TIME)
                        .toInstant(ZoneOffset.UTC)
                        .toEpochMilli();
            } catch (DateTimeParseException e) {
                // Devices send free-form times; the server's clock is a fine substitute.
                return null;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "Unknown value '" + value + "' of " + field);
        }
    }
}
