package io.hawkbit.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.rollout.RolloutPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutFormTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private static RolloutForm form(String start, String startAt, String errorThreshold) {
        return plain(" r1 ", "7", " controllerId==dev* ", "soft", "3", "80", errorThreshold, start, startAt);
    }

    private static RolloutForm plain(
            String name,
            String setId,
            String filter,
            String type,
            String amountGroups,
            String success,
            String error,
            String start,
            String startAt) {
        return new RolloutForm(
                name, setId, filter, type, amountGroups, success, error, start, startAt, null, null, null, null, null);
    }

    private static RolloutForm withGroups(List<String> names, List<String> filters, List<String> shares) {
        return withGroups(names, filters, shares, List.of("", "100"), List.of());
    }

    private static RolloutForm withGroups(
            List<String> names, List<String> filters, List<String> shares, List<String> success, List<String> error) {
        return new RolloutForm(
                "r",
                "7",
                "controllerId==dev*",
                "forced",
                "9",
                "80",
                "",
                "manual",
                "",
                names,
                filters,
                shares,
                success,
                error);
    }

    @Test
    void toCreate_explicitGroupsTakeTheirOwnFilterShareAndThresholds_blankRowsLeftOut() {
        RolloutPlanner.Create create = withGroups(
                        List.of(" canary ", "rest", ""),
                        List.of("attribute.ring==canary", "", ""),
                        List.of("10", "100", ""))
                .toCreate(CLOCK);
        assertThat(create.amountGroups()).isNull();
        assertThat(create.groups()).hasSize(2);
        RolloutPlanner.GroupDefinition canary = create.groups().get(0);
        assertThat(canary.name()).isEqualTo("canary");
        assertThat(canary.targetFilterQuery()).isEqualTo("attribute.ring==canary");
        assertThat(canary.targetPercentage()).isEqualTo(10.0);
        // Thresholds left blank are the rollout's.
        assertThat(canary.conditions().successConditionExp()).isEqualTo("80");
        RolloutPlanner.GroupDefinition rest = create.groups().get(1);
        assertThat(rest.targetFilterQuery()).isNull();
        assertThat(rest.conditions().successConditionExp()).isEqualTo("100");
        assertThat(withGroups(
                                List.of("a", "b", "c"),
                                List.of(),
                                List.of("50", "50", "100"),
                                List.of(),
                                List.of("", "", "30"))
                        .toCreate(CLOCK)
                        .groups()
                        .get(2)
                        .conditions()
                        .errorConditionExp())
                .isEqualTo("30");
    }

    @Test
    void toCreate_refusesAGroupWithoutNameOrWithAShareOutOfRange() {
        assertThatThrownBy(() -> withGroups(List.of("a", ""), List.of(), List.of("10", "20"))
                        .toCreate(CLOCK))
                .hasMessage("Group 2: name is required");
        assertThatThrownBy(
                        () -> withGroups(List.of("a"), List.of(), List.of("0")).toCreate(CLOCK))
                .hasMessage("Group 1: share of targets % must be above 0 and at most 100, was '0'");
        assertThatThrownBy(
                        () -> withGroups(List.of("a"), List.of(), List.of("x")).toCreate(CLOCK))
                .hasMessage("Group 1: share of targets % must be above 0 and at most 100, was 'x'");
    }

    @Test
    void groupRows_showsTheTypedRowsAndAtLeastOneBlank() {
        assertThat(RolloutForm.empty().groupRows()).hasSize(RolloutForm.GROUP_ROWS);
        assertThat(withGroups(List.of("a", "b", "c"), List.of(), List.of("1", "2", "3"))
                        .groupRows())
                .hasSize(4);
    }

    @Test
    void toCreate_trimsAndMapsEveryField() {
        RolloutPlanner.Create create = form("manual", "", "").toCreate(CLOCK);
        assertThat(create.name()).isEqualTo("r1");
        assertThat(create.targetFilterQuery()).isEqualTo("controllerId==dev*");
        assertThat(create.distributionSetId()).isEqualTo(7L);
        assertThat(create.amountGroups()).isEqualTo(3);
        assertThat(create.type()).isEqualTo(ActionType.SOFT);
        assertThat(create.startAt()).isNull();
        assertThat(create.conditions().successConditionExp()).isEqualTo("80");
        assertThat(create.conditions().errorCondition()).isNull();
    }

    @Test
    void toCreate_errorThresholdPausesTheRollout() {
        RolloutPlanner.Create create = form("manual", "", " 10 ").toCreate(CLOCK);
        assertThat(create.conditions().errorConditionExp()).isEqualTo("10");
        assertThat(create.conditions().errorAction()).isEqualTo("PAUSE");
    }

    @Test
    void toCreate_autoStartsNow_scheduledAtTheGivenUtcTime() {
        assertThat(form("auto", "", "").toCreate(CLOCK).startAt()).isEqualTo(CLOCK.millis());
        assertThat(form("scheduled", "2026-12-01T08:30", "").toCreate(CLOCK).startAt())
                .isEqualTo(Instant.parse("2026-12-01T08:30:00Z").toEpochMilli());
    }

    @Test
    void toCreate_refusesBadInputNamingTheField() {
        assertThatThrownBy(() -> plain("r", "7", "q", "forced", "two", "100", "", "manual", "")
                        .toCreate(CLOCK))
                .isInstanceOf(HawkbitException.class)
                .hasMessage("Number of groups must be a whole number, was 'two'");
        assertThatThrownBy(() -> plain("r", null, "q", "forced", "1", "100", "", "manual", "")
                        .toCreate(CLOCK))
                .hasMessage("Distribution set is required");
        assertThatThrownBy(() -> plain("r", "7", "q", "forced", "1", "101", "", "manual", "")
                        .toCreate(CLOCK))
                .hasMessage("Success threshold must be a percentage from 0 to 100, was '101'");
        assertThatThrownBy(() -> form("scheduled", "", "").toCreate(CLOCK)).hasMessage("Start at is required");
        assertThatThrownBy(() -> form("later", "", "").toCreate(CLOCK))
                .hasMessage("Start must be manual, auto or scheduled");
        assertThatThrownBy(() -> plain("x".repeat(129), "7", "q", "forced", "1", "100", "", "manual", "")
                        .toCreate(CLOCK))
                .hasMessage("Name may have at most 128 characters");
    }
}
