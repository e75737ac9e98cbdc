package io.hawkbit.repository.rollout;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When a group lets the next one start and when it stops the rollout, in hawkBit's vocabulary: the success condition
 * {@code THRESHOLD} (percent of the group's targets finished) with the action {@code NEXTGROUP}, and the optional
 * error condition {@code THRESHOLD} (percent of the group's targets failed, exceeded) with the action {@code PAUSE}.
 */
@Embeddable
public record RolloutConditions(
        @Column(name = "success_condition") String successCondition,
        @Column(name = "success_condition_exp") String successConditionExp,
        @Column(name = "success_action") String successAction,
        @Column(name = "success_action_exp") String successActionExp,
        @Column(name = "error_condition") String errorCondition,
        @Column(name = "error_condition_exp") String errorConditionExp,
        @Column(name = "error_action") String errorAction,
        @Column(name = "error_action_exp") String errorActionExp) {

    public static final String THRESHOLD = "THRESHOLD";
    public static final String NEXTGROUP = "NEXTGROUP";
    public static final String PAUSE = "PAUSE";

    /**
     * hawkBit 1.1's defaults for a rollout that names no conditions: the next group starts when half of this one
     * finished, and the rollout pauses when more than half of a group failed.
     */
    public static final RolloutConditions DEFAULT =
            new RolloutConditions(THRESHOLD, "50", NEXTGROUP, "", THRESHOLD, "50", PAUSE, "");

    /** Next group when all of this one finished, and no error condition: a base for forms where blank means none. */
    public static final RolloutConditions NEVER_PAUSE =
            new RolloutConditions(THRESHOLD, "100", NEXTGROUP, "", null, null, null, null);

    /**
     * The conditions a request asked for, each part falling back to {@code defaults}; refuses anything hawkBit does
     * not know (400), so a typo never becomes a rollout that cannot progress.
     */
    public static RolloutConditions of(
            Condition success,
            Condition successAction,
            Condition error,
            Condition errorAction,
            RolloutConditions defaults) {
        String successCondition =
                success == null ? defaults.successCondition : only(success.kind(), THRESHOLD, "successCondition");
        String successExp =
                success == null ? defaults.successConditionExp : percent(success.expression(), "successCondition");
        String onSuccess =
                successAction == null ? defaults.successAction : only(successAction.kind(), NEXTGROUP, "successAction");
        String onSuccessExp =
                successAction == null ? defaults.successActionExp : blankToEmpty(successAction.expression());
        String errorCondition =
                error == null ? defaults.errorCondition : only(error.kind(), THRESHOLD, "errorCondition");
        String errorExp = error == null ? defaults.errorConditionExp : percent(error.expression(), "errorCondition");
        String onError = errorAction == null ? defaults.errorAction : only(errorAction.kind(), PAUSE, "errorAction");
        String onErrorExp = errorAction == null ? defaults.errorActionExp : blankToEmpty(errorAction.expression());
        if (errorCondition != null && onError == null) {
            onError = PAUSE;
            onErrorExp = "";
        }
        return new RolloutConditions(
                successCondition, successExp, onSuccess, onSuccessExp, errorCondition, errorExp, onError, onErrorExp);
    }

    /** One condition or action of a request: its kind and expression. */
    public record Condition(String kind, String expression) {}

    /** Whether enough of the group finished for the next group to start; an empty group always has. */
    public boolean successReached(long finished, long total) {
        return total == 0 || finished * 100 >= Long.parseLong(successConditionExp) * total;
    }

    /** Whether the failed share of the group exceeds the error threshold. */
    public boolean errorExceeded(long failed, long total) {
        return errorCondition != null && total > 0 && failed * 100 > Long.parseLong(errorConditionExp) * total;
    }

    private static String only(String kind, String allowed, String field) {
        if (kind == null || !kind.equalsIgnoreCase(allowed)) {
            throw new HawkbitException(ServerError.PARAM_INVALID, field + " must be " + allowed + ", was " + kind);
        }
        return allowed;
    }

    private static String percent(String expression, String field) {
        try {
            int value = Integer.parseInt(expression == null ? "" : expression.trim());
            if (value >= 0 && value <= 100) {
                return Integer.toString(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HawkbitException(
                ServerError.PARAM_INVALID,
                field + " expression must be a percentage from 0 to 100, was '" + expression + "'");
    }

    private static String blankToEmpty(String expression) {
        return expression == null ? "" : expression;
    }
}
