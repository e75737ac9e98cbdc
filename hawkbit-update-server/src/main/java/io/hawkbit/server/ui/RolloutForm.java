package io.hawkbit.server.ui;

import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutConditions.Condition;
import io.hawkbit.repository.rollout.RolloutPlanner;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The console's "new rollout" form as typed. Every field is text, so nothing the operator types fails binding; {@link
 * #toCreate} turns it into the planner's request or says in words which field is wrong.
 */
record RolloutForm(
        String name,
        String setId,
        String targetFilterQuery,
        String type,
        String amountGroups,
        String successThreshold,
        String errorThreshold,
        String start,
        String startAt) {

    /** What a fresh form shows: one group, the next group after all finished, no error threshold, manual start. */
    static RolloutForm empty() {
        return new RolloutForm("", "", "", "forced", "1", "100", "", "manual", "");
    }

    /**
     * The rollout to create; {@code startAt} of "auto" is now, of "scheduled" the given UTC time.
     *
     * @throws HawkbitException ({@code PARAM_INVALID}) naming the field in the form's words
     */
    RolloutPlanner.Create toCreate(Clock clock) {
        String trimmedName = required(name, "Name");
        if (trimmedName.length() > 128) {
            throw invalid("Name may have at most 128 characters");
        }
        String filter = required(targetFilterQuery, "Target filter");
        if (filter.length() > 1024) {
            throw invalid("Target filter may have at most 1024 characters");
        }
        long set = number(required(setId, "Distribution set"), "Distribution set");
        long groups = number(required(amountGroups, "Number of groups"), "Number of groups");
        if (groups < 1) {
            throw invalid("Number of groups must be at least 1");
        }
        ActionType actionType = ActionType.fromJson(blankToNull(type))
                .orElseThrow(() -> invalid("Type must be forced, soft or downloadonly"));
        String success = percent(required(successThreshold, "Success threshold"), "Success threshold");
        String error = blankToNull(errorThreshold) == null ? null : percent(errorThreshold, "Error threshold");
        RolloutConditions conditions = RolloutConditions.of(
                new Condition(RolloutConditions.THRESHOLD, success),
                null,
                error == null ? null : new Condition(RolloutConditions.THRESHOLD, error),
                null,
                // A blank error threshold in the form means none, not 1.1's default of 50 %.
                RolloutConditions.NEVER_PAUSE);
        return new RolloutPlanner.Create(
                trimmedName,
                null,
                filter,
                set,
                (int) Math.min(groups, Integer.MAX_VALUE),
                null,
                actionType,
                null,
                null,
                startAt(clock),
                conditions);
    }

    private Long startAt(Clock clock) {
        String kind = blankToNull(start) == null ? "manual" : start.trim();
        return switch (kind) {
            case "manual" -> null;
            case "auto" -> clock.millis();
            case "scheduled" -> {
                String at = required(startAt, "Start at");
                try {
                    yield LocalDateTime.parse(at).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw invalid("Start at must be a date and time such as 2026-12-01T08:00, was '" + at + "'");
                }
            }
            default -> throw invalid("Start must be manual, auto or scheduled");
        };
    }

    private static String required(String value, String label) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            throw invalid(label + " is required");
        }
        return trimmed;
    }

    private static long number(String value, String label) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(label + " must be a whole number, was '" + value + "'");
        }
    }

    private static String percent(String value, String label) {
        String trimmed = value.trim();
        try {
            int parsed = Integer.parseInt(trimmed);
            if (parsed >= 0 && parsed <= 100) {
                return Integer.toString(parsed);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(label + " must be a percentage from 0 to 100, was '" + trimmed + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static HawkbitException invalid(String message) {
        return new HawkbitException(ServerError.PARAM_INVALID, message);
    }
}
