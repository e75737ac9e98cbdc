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
import java.util.ArrayList;
import java.util.List;

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
        String startAt,
        List<String> groupName,
        List<String> groupFilter,
        List<String> groupPercentage,
        List<String> groupSuccess,
        List<String> groupError) {

    /** Rows of the explicit groups table a page shows at least (a script adds more; without it, post and continue). */
    static final int GROUP_ROWS = 3;

    /** One row of the explicit groups table as typed; blank in every field means the row is not used. */
    record GroupInput(String name, String filter, String percentage, String success, String error) {

        public boolean blank() {
            return blankToNull(name) == null
                    && blankToNull(filter) == null
                    && blankToNull(percentage) == null
                    && blankToNull(success) == null
                    && blankToNull(error) == null;
        }
    }

    /** What a fresh form shows: one group, the next group after all finished, no error threshold, manual start. */
    static RolloutForm empty() {
        return new RolloutForm(
                "", "", "", "forced", "1", "100", "", "manual", "", List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** The explicit group rows typed, blank ones left out, in their order. */
    public List<GroupInput> groups() {
        int rows = Math.max(
                Math.max(size(groupName), size(groupFilter)),
                Math.max(size(groupPercentage), Math.max(size(groupSuccess), size(groupError))));
        List<GroupInput> typed = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            GroupInput row = new GroupInput(
                    at(groupName, i),
                    at(groupFilter, i),
                    at(groupPercentage, i),
                    at(groupSuccess, i),
                    at(groupError, i));
            if (!row.blank()) {
                typed.add(row);
            }
        }
        return typed;
    }

    /** The rows the form shows: those typed and blank ones, at least {@link #GROUP_ROWS} and one blank. */
    public List<GroupInput> groupRows() {
        List<GroupInput> rows = new ArrayList<>(groups());
        do {
            rows.add(new GroupInput("", "", "", "", ""));
        } while (rows.size() < GROUP_ROWS);
        return rows;
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
        List<GroupInput> explicit = groups();
        long groups = 0;
        if (explicit.isEmpty()) {
            groups = number(required(amountGroups, "Number of groups"), "Number of groups");
            if (groups < 1) {
                throw invalid("Number of groups must be at least 1");
            }
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
                explicit.isEmpty() ? (int) Math.min(groups, Integer.MAX_VALUE) : null,
                explicit.isEmpty() ? null : definitions(explicit, conditions),
                actionType,
                null,
                null,
                startAt(clock),
                conditions);
    }

    /** Each group's thresholds default to the rollout's; its filter narrows the rollout's. */
    private static List<RolloutPlanner.GroupDefinition> definitions(
            List<GroupInput> rows, RolloutConditions rolloutConditions) {
        List<RolloutPlanner.GroupDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            GroupInput row = rows.get(i);
            String label = "Group " + (i + 1);
            String groupName = required(row.name(), label + ": name");
            if (groupName.length() > 128) {
                throw invalid(label + ": name may have at most 128 characters");
            }
            String groupFilter = blankToNull(row.filter());
            if (groupFilter != null && groupFilter.length() > 1024) {
                throw invalid(label + ": filter may have at most 1024 characters");
            }
            String share = required(row.percentage(), label + ": share of targets %");
            double percentage;
            try {
                percentage = Double.parseDouble(share);
            } catch (NumberFormatException e) {
                percentage = Double.NaN;
            }
            if (!(percentage > 0 && percentage <= 100)) {
                throw invalid(label + ": share of targets % must be above 0 and at most 100, was '" + share + "'");
            }
            String success =
                    blankToNull(row.success()) == null ? null : percent(row.success(), label + ": success threshold");
            String error = blankToNull(row.error()) == null ? null : percent(row.error(), label + ": error threshold");
            definitions.add(new RolloutPlanner.GroupDefinition(
                    groupName,
                    null,
                    groupFilter,
                    percentage,
                    RolloutConditions.of(
                            success == null ? null : new Condition(RolloutConditions.THRESHOLD, success),
                            null,
                            error == null ? null : new Condition(RolloutConditions.THRESHOLD, error),
                            null,
                            rolloutConditions)));
        }
        return definitions;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index);
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
