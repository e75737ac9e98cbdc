package io.hawkbit.repository.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.AutoConfirmation;
import io.hawkbit.repository.target.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confirmation flow's part of the action state machine, and how a new action's first state is chosen. */
class ActionConfirmationStatesTest {

    private final Target target = new Target("DEFAULT", "dev", "dev", "token");

    private Action newAction() {
        return new Action(target, new DistributionSet("DEFAULT", null, "set", "1"), ActionType.FORCED, 0L, null);
    }

    private Action waiting() {
        Action action = newAction();
        action.awaitConfirmation();
        return action;
    }

    private static void assertRefused(Runnable call, ServerError error) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        HawkbitException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void waitingAction_isOpenAndWaits() {
        Action action = waiting();
        assertThat(action.getStatus()).isEqualTo(ActionState.WAIT_FOR_CONFIRMATION);
        assertThat(action.isActive()).isTrue();
        assertThat(action.isWaitingConfirmation()).isTrue();
        assertThat(action.isCancelingOrCanceled()).isFalse();
    }

    @Test
    void confirm_startsTheDeployment() {
        Action action = waiting();
        action.confirm();
        assertThat(action.getStatus()).isEqualTo(ActionState.RUNNING);
        assertThat(action.isWaitingConfirmation()).isFalse();
    }

    @Test
    void confirm_ofARunningAction_isRefusedAsNotWaiting() {
        Action action = newAction();
        assertRefused(action::confirm, ServerError.ACTION_NOT_WAITING_CONFIRMATION);
        assertRefused(action::checkAwaitsConfirmation, ServerError.ACTION_NOT_WAITING_CONFIRMATION);
        assertThat(action.getStatus()).isEqualTo(ActionState.RUNNING);
    }

    @Test
    void confirm_ofAClosedAction_isRefusedAsNotActive() {
        Action action = waiting();
        action.requestCancel();
        action.applyCancelFeedback(ActionTest.feedback("closed-success"));
        assertThat(action.isActive()).isFalse();
        assertRefused(action::confirm, ServerError.ACTION_NOT_ACTIVE);
    }

    @Test
    void waitingAction_canBeCanceled_andThenTakesNoConfirmation() {
        Action action = waiting();
        action.requestCancel();
        assertThat(action.getStatus()).isEqualTo(ActionState.CANCELING);
        assertThat(action.isWaitingConfirmation()).isFalse();
        assertRefused(action::confirm, ServerError.ACTION_NOT_WAITING_CONFIRMATION);
    }

    @Test
    void policy_flowOff_startsRunning_withoutAConsentMessage() {
        Action action = newAction();
        List<String> messages = new ArrayList<>();
        ActionState recorded = new ConsentPolicy(false, Map.of(), "ops").apply(action, true, messages);
        assertThat(action.getStatus()).isEqualTo(ActionState.RUNNING);
        assertThat(recorded).isEqualTo(ActionState.RUNNING);
        assertThat(messages).isEmpty();
    }

    @Test
    void policy_flowOn_required_waits() {
        Action action = newAction();
        List<String> messages = new ArrayList<>();
        ActionState recorded = new ConsentPolicy(true, new HashMap<>(), "ops").apply(action, true, messages);
        assertThat(action.getStatus()).isEqualTo(ActionState.WAIT_FOR_CONFIRMATION);
        assertThat(recorded).isEqualTo(ActionState.WAIT_FOR_CONFIRMATION);
        assertThat(messages).containsExactly(ConsentPolicy.WAITING);
    }

    @Test
    void policy_flowOn_notRequired_runsConfirmedByTheInitiator() {
        Action action = newAction();
        List<String> messages = new ArrayList<>();
        new ConsentPolicy(true, new HashMap<>(), "ops").apply(action, false, messages);
        assertThat(action.getStatus()).isEqualTo(ActionState.RUNNING);
        assertThat(messages).containsExactly("Assignment confirmed by initiator [ops].");
    }

    @Test
    void policy_flowOn_autoConfirmedTarget_runsNamingTheAutoConfirmation() {
        Action action = newAction();
        Map<Long, AutoConfirmation> auto = new HashMap<>();
        auto.put(target.getId(), new AutoConfirmation(target, "alice", null, 1L, "ops"));
        List<String> messages = new ArrayList<>();
        new ConsentPolicy(true, auto, "ops").apply(action, true, messages);
        assertThat(action.getStatus()).isEqualTo(ActionState.RUNNING);
        assertThat(messages)
                .singleElement()
                .asString()
                .contains("Assignment automatically confirmed by initiator 'alice'")
                .contains("activated by system user: 'ops'")
                .contains("Remark: n/a");
    }
}
