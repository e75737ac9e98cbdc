package io.hawkbit.server.ddi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hawkbit.repository.action.Feedback;
import io.hawkbit.repository.action.Feedback.Execution;
import io.hawkbit.repository.action.Feedback.Result;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.error.ErrorStatus;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Device feedback in the shapes seen in the field, read from JSON as the DDI controllers receive it. */
class DdiFeedbackParserTest {

    // As Spring Boot configures its mapper: devices add fields of their own.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static Feedback parse(String json) {
        return DdiFeedbackParser.parse(JSON.readValue(json, DdiJson.ActionFeedback.class));
    }

    private static void assertRefused(String json, String messagePart) {
        HawkbitException refused = catchThrowableOfType(HawkbitException.class, () -> parse(json));
        assertThat(refused).as(json).isNotNull();
        assertThat(refused.error()).isEqualTo(ServerError.BODY_NOT_READABLE);
        assertThat(ErrorStatus.of(refused.error())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getMessage()).contains(messagePart);
    }

    @Test
    void legacyShape_withIdAndDdiTime() {
        Feedback feedback = parse("{\"id\":\"42\",\"time\":\"20190809T121314\",\"status\":{\"execution\":\"closed\","
                + "\"result\":{\"finished\":\"success\"},\"details\":[\"done\"]}}");
        assertThat(feedback.execution()).isEqualTo(Execution.CLOSED);
        assertThat(feedback.result()).isEqualTo(Result.SUCCESS);
        assertThat(feedback.details()).containsExactly("done");
        assertThat(feedback.occurredAt())
                .as("DDI time is UTC")
                .isEqualTo(Instant.parse("2019-08-09T12:13:14Z").toEpochMilli());
    }

    @Test
    void legacyShape_withNumericId() {
        Feedback feedback =
                parse("{\"id\":42,\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\"}}}");
        assertThat(feedback.execution()).isEqualTo(Execution.PROCEEDING);
        assertThat(feedback.result()).isEqualTo(Result.NONE);
        assertThat(feedback.occurredAt()).isNull();
    }

    @Test
    void currentShape_withTimestampAndCode() {
        Feedback feedback = parse("{\"timestamp\":1700000000123,\"status\":{\"execution\":\"closed\","
                + "\"result\":{\"finished\":\"failure\"},\"code\":17,\"details\":[\"disk full\",\"rolled back\"]}}");
        assertThat(feedback.execution()).isEqualTo(Execution.CLOSED);
        assertThat(feedback.result()).isEqualTo(Result.FAILURE);
        assertThat(feedback.code()).isEqualTo(17);
        assertThat(feedback.details()).containsExactly("disk full", "rolled back");
        assertThat(feedback.occurredAt()).isEqualTo(1700000000123L);
    }

    @Test
    void timestamp_winsOverTime() {
        assertThat(parse(
                                "{\"timestamp\":1700000000000,\"time\":\"20190809T121314\",\"status\":{\"execution\":\"proceeding\"}}")
                        .occurredAt())
                .isEqualTo(1700000000000L);
    }

    @Test
    void zeroOrNegativeTimestamp_fallsBackToTime() {
        long time = Instant.parse("2019-08-09T12:13:14Z").toEpochMilli();
        assertThat(parse("{\"timestamp\":0,\"time\":\"20190809T121314\",\"status\":{\"execution\":\"proceeding\"}}")
                        .occurredAt())
                .isEqualTo(time);
        assertThat(parse("{\"timestamp\":-5,\"status\":{\"execution\":\"proceeding\"}}")
                        .occurredAt())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2019-08-09T12:13:14Z", "20191309T121314", "   "})
    void unreadableOrBlankTime_isLeftToTheServerClock(String time) {
        Feedback feedback = parse("{\"time\":\"" + time + "\",\"status\":{\"execution\":\"proceeding\"}}");
        assertThat(feedback.execution()).isEqualTo(Execution.PROCEEDING);
        assertThat(feedback.occurredAt()).isNull();
    }

    @Test
    void time_isTrimmed() {
        assertThat(parse("{\"time\":\" 20190809T121314 \",\"status\":{\"execution\":\"proceeding\"}}")
                        .occurredAt())
                .isEqualTo(Instant.parse("2019-08-09T12:13:14Z").toEpochMilli());
    }

    @Test
    void missingResult_isNone() {
        Feedback feedback = parse("{\"status\":{\"execution\":\"download\"}}");
        assertThat(feedback.execution()).isEqualTo(Execution.DOWNLOAD);
        assertThat(feedback.result()).isEqualTo(Result.NONE);
        assertThat(feedback.details()).isEmpty();
        assertThat(feedback.code()).isNull();
    }

    @Test
    void resultWithoutFinished_isNone_progressIsIgnored() {
        Feedback feedback =
                parse("{\"status\":{\"execution\":\"proceeding\",\"result\":{\"progress\":{\"cnt\":2,\"of\":5}}}}");
        assertThat(feedback.result()).isEqualTo(Result.NONE);
    }

    @Test
    void nullDetailEntries_areDropped() {
        assertThat(parse("{\"status\":{\"execution\":\"proceeding\",\"details\":[\"a\",null,\"b\"]}}")
                        .details())
                .containsExactly("a", "b");
    }

    @ParameterizedTest
    @EnumSource(Execution.class)
    void everyExecution_inAnyCase(Execution execution) {
        String lower = execution.name().toLowerCase(Locale.ROOT);
        String capitalized = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        for (String spelling : new String[] {lower, execution.name(), capitalized, " " + lower + " "}) {
            assertThat(parse("{\"status\":{\"execution\":\"" + spelling + "\"}}")
                            .execution())
                    .as(spelling)
                    .isEqualTo(execution);
        }
    }

    @ParameterizedTest
    @EnumSource(Result.class)
    void everyResult_inAnyCase(Result result) {
        String json = "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"%s\"}}}";
        assertThat(parse(json.formatted(result.name().toLowerCase(Locale.ROOT))).result())
                .isEqualTo(result);
        assertThat(parse(json.formatted(result.name())).result()).isEqualTo(result);
    }

    @Test
    void unknownFields_areIgnored() {
        Feedback feedback =
                parse("{\"id\":\"7\",\"actionHistory\":{\"status\":\"x\"},\"status\":{\"execution\":\"closed\","
                        + "\"result\":{\"finished\":\"success\",\"extra\":1},\"vendor\":\"acme\"}}");
        assertThat(feedback.execution()).isEqualTo(Execution.CLOSED);
        assertThat(feedback.result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void unknownExecution_is400NamingTheField() {
        assertRefused("{\"status\":{\"execution\":\"done\"}}", "status.execution");
        assertRefused("{\"status\":{\"execution\":\"\"}}", "status.execution");
    }

    @Test
    void unknownResult_is400NamingTheField() {
        assertRefused(
                "{\"status\":{\"execution\":\"closed\",\"result\":{\"finished\":\"ok\"}}}", "status.result.finished");
    }

    @Test
    void missingStatusOrExecution_is400() {
        assertRefused("{}", "status.execution");
        assertRefused("{\"id\":\"1\",\"time\":\"20190809T121314\"}", "status.execution");
        assertRefused("{\"status\":{}}", "status.execution");
        assertRefused("{\"status\":{\"result\":{\"finished\":\"success\"}}}", "status.execution");
        HawkbitException refused = catchThrowableOfType(HawkbitException.class, () -> DdiFeedbackParser.parse(null));
        assertThat(refused.error()).isEqualTo(ServerError.BODY_NOT_READABLE);
    }
}
