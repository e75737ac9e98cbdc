package io.hawkbit.repository.rollout;

import static io.hawkbit.repository.rollout.RolloutConditions.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.RolloutConditions.Condition;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A rollout request's conditions: what is accepted, the defaults filled in, and when a group succeeds or fails. */
class RolloutConditionsTest {

    private static Condition threshold(String percent) {
        return new Condition("THRESHOLD", percent);
    }

    private static RolloutConditions success(String percent) {
        return RolloutConditions.of(threshold(percent), null, null, null, DEFAULT);
    }

    private static RolloutConditions error(String percent) {
        return RolloutConditions.of(null, null, threshold(percent), null, DEFAULT);
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(HawkbitException.class)
                .satisfies(e -> assertThat(((HawkbitException) e).error()).isEqualTo(ServerError.PARAM_INVALID));
    }

    // ---- of: defaults

    @Test
    void of_nothingAskedIsTheDefaults() {
        assertThat(RolloutConditions.of(null, null, null, null, DEFAULT)).isEqualTo(DEFAULT);
    }

    @Test
    void default_nextGroupWhenHalfFinished_pauseWhenMoreThanHalfFailed() {
        assertThat(DEFAULT)
                .isEqualTo(new RolloutConditions("THRESHOLD", "50", "NEXTGROUP", "", "THRESHOLD", "50", "PAUSE", ""));
    }

    @Test
    void of_eachMissingPartFallsBackToTheGivenDefaults() {
        RolloutConditions rolloutLevel = RolloutConditions.of(threshold("80"), null, threshold("10"), null, DEFAULT);
        RolloutConditions group = RolloutConditions.of(null, null, threshold("20"), null, rolloutLevel);
        assertThat(group.successConditionExp()).isEqualTo("80");
        assertThat(group.errorConditionExp()).isEqualTo("20");
        assertThat(group.errorAction()).isEqualTo("PAUSE");
    }

    // ---- of: success condition and action

    @Test
    void of_successThresholdIsStoredCanonically() {
        RolloutConditions conditions =
                RolloutConditions.of(new Condition("threshold", " 050 "), null, null, null, DEFAULT);
        assertThat(conditions.successCondition()).isEqualTo("THRESHOLD");
        assertThat(conditions.successConditionExp()).isEqualTo("50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100"})
    void of_acceptsTheBoundsOfAPercentage(String percent) {
        assertThat(success(percent).successConditionExp()).isEqualTo(percent);
        assertThat(error(percent).errorConditionExp()).isEqualTo(percent);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "101", "-1", "50%", "1.5", "half"})
    void of_rejectsAnExpressionThatIsNotAPercentage(String expression) {
        assertInvalid(() -> success(expression));
        assertInvalid(() -> error(expression));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "TIMEOUT", "THRESHOLDS"})
    void of_rejectsAConditionOtherThanThreshold(String kind) {
        assertInvalid(() -> RolloutConditions.of(new Condition(kind, "50"), null, null, null, DEFAULT));
        assertInvalid(() -> RolloutConditions.of(null, null, new Condition(kind, "50"), null, DEFAULT));
    }

    @Test
    void of_successActionMustBeNextGroupAndKeepsItsExpression() {
        RolloutConditions conditions =
                RolloutConditions.of(null, new Condition("nextgroup", null), null, null, DEFAULT);
        assertThat(conditions.successAction()).isEqualTo("NEXTGROUP");
        assertThat(conditions.successActionExp()).isEmpty();
        assertThat(RolloutConditions.of(null, new Condition("NEXTGROUP", "x"), null, null, DEFAULT)
                        .successActionExp())
                .isEqualTo("x");
        assertInvalid(() -> RolloutConditions.of(null, new Condition("PAUSE", ""), null, null, DEFAULT));
    }

    // ---- of: error condition and action

    @Test
    void of_errorConditionWithoutActionPauses() {
        RolloutConditions conditions = error("20");
        assertThat(conditions.errorCondition()).isEqualTo("THRESHOLD");
        assertThat(conditions.errorAction()).isEqualTo("PAUSE");
        assertThat(conditions.errorActionExp()).isEmpty();
    }

    @Test
    void of_errorActionMustBePause() {
        assertThat(RolloutConditions.of(null, null, threshold("5"), new Condition("pause", null), DEFAULT)
                        .errorAction())
                .isEqualTo("PAUSE");
        assertInvalid(() -> RolloutConditions.of(null, null, threshold("5"), new Condition("NEXTGROUP", ""), DEFAULT));
    }

    @Test
    void of_errorActionWithoutConditionNeverPauses() {
        RolloutConditions conditions =
                RolloutConditions.of(null, null, null, new Condition("PAUSE", ""), RolloutConditions.NEVER_PAUSE);
        assertThat(conditions.errorCondition()).isNull();
        assertThat(conditions.errorExceeded(10, 10)).isFalse();
    }

    // ---- successReached

    @ParameterizedTest(name = "{0}% with {1} of {2} finished: {3}")
    @CsvSource({
        "100, 10, 10, true",
        "100, 9, 10, false",
        "50, 5, 10, true",
        "50, 4, 10, false",
        "33, 1, 3, true",
        "34, 1, 3, false",
        "0, 0, 10, true",
        "100, 0, 0, true",
        "50, 0, 0, true"
    })
    void successReached_whenTheFinishedShareReachesTheThreshold(
            String percent, long finished, long total, boolean reached) {
        assertThat(success(percent).successReached(finished, total)).isEqualTo(reached);
    }

    // ---- errorExceeded

    @ParameterizedTest(name = "{0}% with {1} of {2} failed: {3}")
    @CsvSource({
        "20, 2, 10, false",
        "20, 3, 10, true",
        "0, 0, 10, false",
        "0, 1, 10, true",
        "100, 10, 10, false",
        "20, 0, 0, false"
    })
    void errorExceeded_onlyAboveTheThreshold(String percent, long failed, long total, boolean exceeded) {
        assertThat(error(percent).errorExceeded(failed, total)).isEqualTo(exceeded);
    }

    @Test
    void errorExceeded_neverWithoutAnErrorCondition() {
        assertThat(RolloutConditions.NEVER_PAUSE.errorExceeded(10, 10)).isFalse();
    }
}
