package io.hawkbit.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.rollout.RolloutPlanner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RolloutFormTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private static RolloutForm form(String start, String startAt, String errorThreshold) {
        return new RolloutForm(" r1 ", "7", " controllerId==dev* ", "soft", "3", "80", errorThreshold, start, startAt);
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
        assertThatThrownBy(
                        () -> new RolloutForm("r", "7", "q", "forced", "two", "100", "", "manual", "").toCreate(CLOCK))
                .isInstanceOf(HawkbitException.class)
                .hasMessage("Number of groups must be a whole number, was 'two'");
        assertThatThrownBy(
                        () -> new RolloutForm("r", null, "q", "forced", "1", "100", "", "manual", "").toCreate(CLOCK))
                .hasMessage("Distribution set is required");
        assertThatThrownBy(() -> new RolloutForm("r", "7", "q", "forced", "1", "101", "", "manual", "").toCreate(CLOCK))
                .hasMessage("Success threshold must be a percentage from 0 to 100, was '101'");
        assertThatThrownBy(() -> form("scheduled", "", "").toCreate(CLOCK)).hasMessage("Start at is required");
        assertThatThrownBy(() -> form("later", "", "").toCreate(CLOCK))
                .hasMessage("Start must be manual, auto or scheduled");
        assertThatThrownBy(() -> new RolloutForm("x".repeat(129), "7", "q", "forced", "1", "100", "", "manual", "")
                        .toCreate(CLOCK))
                .hasMessage("Name may have at most 128 characters");
    }
}
