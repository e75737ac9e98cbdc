package io.hawkbit.repository.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetUpdateStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What a target shows once one of its actions ends: the assigned set falls back to the newest open action's set or to
 * what is installed, and the update status follows.
 */
class ActionOutcomeTest {

    private final ActionRepository actions = mock(ActionRepository.class);
    private final Target target = withId(new Target("DEFAULT", "dev", "dev", "token"), 1L);
    private final DistributionSet old = withId(new DistributionSet("DEFAULT", null, "os", "1"), 10L);
    private final DistributionSet next = withId(new DistributionSet("DEFAULT", null, "os", "2"), 20L);
    private final DistributionSet newest = withId(new DistributionSet("DEFAULT", null, "os", "3"), 30L);
    private long actionIds = 100;

    private static <T> T withId(T entity, long id) {
        ReflectionTestUtils.setField(entity, "id", id);
        return entity;
    }

    private Action open(DistributionSet set) {
        target.setAssignedDistributionSet(set);
        return withId(new Action(target, set, ActionType.FORCED, 0, null), actionIds++);
    }

    private Action closed(DistributionSet set, Feedback.Execution execution, Feedback.Result result) {
        Action action = open(set);
        action.applyDeploymentFeedback(new Feedback(execution, result, null, null, null));
        return action;
    }

    /** The database's answer to "open actions of the target", oldest first. */
    private void stillOpen(Action... open) {
        when(actions.findActive(target.getId())).thenReturn(List.of(open));
    }

    @Test
    void afterActionClosed_finishedWithNothingOpenIsInSyncWithTheInstalledSet() {
        Action finished = closed(next, Feedback.Execution.CLOSED, Feedback.Result.SUCCESS);
        target.setInstalledDistributionSet(next);
        stillOpen();
        ActionOutcome.afterActionClosed(finished, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(next);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.IN_SYNC);
    }

    @Test
    void afterActionClosed_canceledFallsBackToTheInstalledSet() {
        target.setInstalledDistributionSet(old);
        Action canceled = closed(next, Feedback.Execution.CANCELED, Feedback.Result.NONE);
        stillOpen();
        ActionOutcome.afterActionClosed(canceled, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(old);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.IN_SYNC);
    }

    @Test
    void afterActionClosed_canceledWithNothingInstalledIsRegistered() {
        Action canceled = closed(next, Feedback.Execution.CANCELED, Feedback.Result.NONE);
        stillOpen();
        ActionOutcome.afterActionClosed(canceled, actions);
        assertThat(target.getAssignedDistributionSet()).isNull();
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.REGISTERED);
    }

    @Test
    void afterActionClosed_failedWithNothingOpenIsErrorAndKeepsTheFailedSetAssigned() {
        target.setInstalledDistributionSet(old);
        Action failed = closed(next, Feedback.Execution.CLOSED, Feedback.Result.FAILURE);
        stillOpen();
        ActionOutcome.afterActionClosed(failed, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(next);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.ERROR);
    }

    @Test
    void afterActionClosed_anotherOpenActionKeepsThePendingStatusWithItsSet() {
        Action failed = closed(old, Feedback.Execution.CLOSED, Feedback.Result.FAILURE);
        Action waiting = open(next);
        stillOpen(waiting);
        ActionOutcome.afterActionClosed(failed, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(next);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.PENDING);
    }

    @Test
    void afterActionClosed_theNewestOpenActionDecidesTheAssignedSet() {
        Action first = open(old);
        Action second = open(next);
        Action third = open(newest);
        second.applyDeploymentFeedback(
                new Feedback(Feedback.Execution.CANCELED, Feedback.Result.NONE, null, null, null));
        stillOpen(first, third);
        ActionOutcome.afterActionClosed(second, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(newest);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.PENDING);
    }

    @Test
    void afterActionClosed_ignoresTheClosedActionWhenTheQueryStillReturnsIt() {
        // An unflushed change may leave the closed action in the query's answer.
        target.setInstalledDistributionSet(old);
        Action finished = closed(next, Feedback.Execution.CLOSED, Feedback.Result.SUCCESS);
        target.setInstalledDistributionSet(next);
        stillOpen(finished);
        ActionOutcome.afterActionClosed(finished, actions);
        assertThat(target.getAssignedDistributionSet()).isSameAs(next);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.IN_SYNC);
    }

    @Test
    void afterActionClosed_ignoresAnotherActionThatIsNoLongerActive() {
        Action canceled = closed(next, Feedback.Execution.CANCELED, Feedback.Result.NONE);
        Action alsoClosed = closed(newest, Feedback.Execution.CANCELED, Feedback.Result.NONE);
        stillOpen(alsoClosed);
        ActionOutcome.afterActionClosed(canceled, actions);
        assertThat(target.getUpdateStatus()).isEqualTo(TargetUpdateStatus.REGISTERED);
    }
}
