package io.hawkbit.repository.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.action.ActionState;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.rollout.RolloutTargets.GroupActions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;

/** hawkBit's {@code totalTargetsPerStatus}: targets per status, per group and summed over the rollout. */
class RolloutCountsTest {

    private static final Rollout ROLLOUT =
            new Rollout("DEFAULT", "r", null, "name==*", null, ActionType.FORCED, 0, null, null, RolloutStatus.RUNNING);

    private static RolloutGroup group(long id, RolloutGroupStatus status) {
        RolloutGroup group = new RolloutGroup(ROLLOUT, (int) id, "g" + id, null, null, 100, RolloutConditions.DEFAULT);
        ReflectionTestUtils.setField(group, "id", id);
        group.setStatus(status);
        return group;
    }

    /** Counts in hawkBit's key order: running, notstarted, scheduled, cancelled, finished, error. */
    private static Map<String, Long> counts(
            long running, long notStarted, long scheduled, long cancelled, long finished, long error) {
        return Map.of(
                "running",
                running,
                "notstarted",
                notStarted,
                "scheduled",
                scheduled,
                "cancelled",
                cancelled,
                "finished",
                finished,
                "error",
                error);
    }

    @Test
    void of_actionsCountByOutcome() {
        RolloutCounts counts = RolloutCounts.of(
                List.of(group(1, RolloutGroupStatus.FINISHED)),
                Map.of(1L, 10L),
                Map.of(1L, new GroupActions(1, 5, 3, 1)));
        assertThat(counts.group(1L)).isEqualTo(new RolloutCounts.Counts(10, counts(1, 0, 0, 1, 5, 3)));
    }

    @Test
    void of_keysComeInHawkbitsOrder() {
        RolloutCounts counts = RolloutCounts.of(List.of(group(1, RolloutGroupStatus.READY)), Map.of(1L, 1L), Map.of());
        assertThat(counts.rollout().perStatus().keySet())
                .containsExactly("running", "notstarted", "scheduled", "cancelled", "finished", "error");
    }

    @ParameterizedTest
    @EnumSource(
            value = RolloutGroupStatus.class,
            names = {"SCHEDULED", "RUNNING"})
    void of_targetsWithoutActionOfAWaitingOrRunningGroupAreScheduled(RolloutGroupStatus status) {
        RolloutCounts counts =
                RolloutCounts.of(List.of(group(1, status)), Map.of(1L, 4L), Map.of(1L, new GroupActions(1, 0, 0, 0)));
        assertThat(counts.group(1L).perStatus()).isEqualTo(counts(1, 0, 3, 0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(
            value = RolloutGroupStatus.class,
            names = {"READY", "FINISHED", "ERROR"})
    void of_targetsWithoutActionOfAGroupNotStartedOrStoppedAreNotStarted(RolloutGroupStatus status) {
        RolloutCounts counts = RolloutCounts.of(List.of(group(1, status)), Map.of(1L, 4L), Map.of());
        assertThat(counts.group(1L).perStatus()).isEqualTo(counts(0, 4, 0, 0, 0, 0));
    }

    @Test
    void of_moreActionsThanTargetsNeverCountsNegative() {
        // A target deleted after its action was created leaves its group; the action stays.
        RolloutCounts counts = RolloutCounts.of(
                List.of(group(1, RolloutGroupStatus.RUNNING)),
                Map.of(1L, 2L),
                Map.of(1L, new GroupActions(1, 2, 0, 0)));
        assertThat(counts.group(1L).perStatus()).isEqualTo(counts(1, 0, 0, 0, 2, 0));
    }

    @Test
    void of_rolloutSumsItsGroups() {
        RolloutCounts counts = RolloutCounts.of(
                List.of(
                        group(1, RolloutGroupStatus.FINISHED),
                        group(2, RolloutGroupStatus.RUNNING),
                        group(3, RolloutGroupStatus.SCHEDULED)),
                Map.of(1L, 5L, 2L, 5L, 3L, 4L),
                Map.of(1L, new GroupActions(0, 4, 1, 0), 2L, new GroupActions(3, 1, 0, 0)));
        assertThat(counts.rollout()).isEqualTo(new RolloutCounts.Counts(14, counts(3, 0, 5, 0, 5, 1)));
        assertThat(counts.group(3L)).isEqualTo(new RolloutCounts.Counts(4, counts(0, 0, 4, 0, 0, 0)));
    }

    @Test
    void of_groupWithoutTargetsCountsZero() {
        RolloutCounts counts = RolloutCounts.of(List.of(group(1, RolloutGroupStatus.SCHEDULED)), Map.of(), Map.of());
        assertThat(counts.group(1L)).isEqualTo(new RolloutCounts.Counts(0, counts(0, 0, 0, 0, 0, 0)));
        assertThat(counts.rollout().total()).isZero();
    }

    @Test
    void group_unknownIdCountsZero() {
        RolloutCounts counts = RolloutCounts.of(List.of(), Map.of(), Map.of());
        assertThat(counts.group(42L)).isEqualTo(new RolloutCounts.Counts(0, counts(0, 0, 0, 0, 0, 0)));
    }

    // ---- GroupActions: how the scheduler's per-status rows add up

    @ParameterizedTest
    @EnumSource(ActionState.class)
    void groupActions_anOpenActionIsOpenWhateverItsState(ActionState state) {
        assertThat(GroupActions.NONE.plus(state, true, 2)).isEqualTo(new GroupActions(2, 0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(
            value = ActionState.class,
            names = {"FINISHED", "DOWNLOADED"})
    void groupActions_closedFinishedOrDownloadedIsFinished(ActionState state) {
        assertThat(GroupActions.NONE.plus(state, false, 3)).isEqualTo(new GroupActions(0, 3, 0, 0));
    }

    @Test
    void groupActions_closedInErrorIsFailed() {
        assertThat(GroupActions.NONE.plus(ActionState.ERROR, false, 1)).isEqualTo(new GroupActions(0, 0, 1, 0));
    }

    @ParameterizedTest
    @EnumSource(
            value = ActionState.class,
            names = {"FINISHED", "DOWNLOADED", "ERROR"},
            mode = EnumSource.Mode.EXCLUDE)
    void groupActions_anyOtherClosedStateIsCanceled(ActionState state) {
        assertThat(GroupActions.NONE.plus(state, false, 1)).isEqualTo(new GroupActions(0, 0, 0, 1));
    }

    @Test
    void groupActions_addUpAndTotal() {
        GroupActions actions = GroupActions.NONE
                .plus(ActionState.RUNNING, true, 2)
                .plus(ActionState.FINISHED, false, 3)
                .plus(ActionState.ERROR, false, 4)
                .plus(ActionState.CANCELED, false, 5);
        assertThat(actions).isEqualTo(new GroupActions(2, 3, 4, 5));
        assertThat(actions.total()).isEqualTo(14);
    }
}
