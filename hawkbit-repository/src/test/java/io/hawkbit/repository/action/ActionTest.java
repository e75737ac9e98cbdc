package io.hawkbit.repository.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.Target;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The action state machine, transition by transition: every kind of device feedback arriving in every state an action
 * can reach, on both feedback resources, and the operator's cancel and force-quit.
 */
class ActionTest {

    /** How each state is reached, through the same transitions the services use. */
    private static Action in(String state, ActionType type) {
        Action action = new Action(
                new Target("DEFAULT", "dev", "dev", "token"),
                new DistributionSet("DEFAULT", null, "set", "1"),
                type,
                0L,
                null);
        Consumer<String> deployment = kind -> action.applyDeploymentFeedback(feedback(kind));
        switch (state) {
            case "running" -> {}
            case "download" -> deployment.accept("download");
            case "downloaded" -> deployment.accept("downloaded");
            case "warning" -> deployment.accept("rejected");
            case "canceling" -> action.requestCancel();
            case "canceled" -> {
                action.requestCancel();
                action.applyCancelFeedback(feedback("closed-success"));
            }
            case "finished" -> deployment.accept("closed-success");
            case "error" -> deployment.accept("closed-failure");
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(action.getStatus().json()).isEqualTo(state);
        return action;
    }

    static Feedback feedback(String kind) {
        String[] parts = kind.split("-");
        Feedback.Result result =
                parts.length == 1 ? Feedback.Result.NONE : Feedback.Result.valueOf(parts[1].toUpperCase());
        return new Feedback(Feedback.Execution.valueOf(parts[0].toUpperCase()), result, null, List.of(), null);
    }

    /** States that behave alike are one row each: a running action in any of its detailed states. */
    private static final List<String> OPEN = List.of("running", "download", "downloaded", "warning");

    private static List<String> states(String group) {
        return group.equals("open") ? OPEN : List.of(group);
    }

    @ParameterizedTest(name = "{0} + deploymentBase {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # state   | feedback       | result state | active | records    | error
            open      | proceeding     | running      | true   | running    |
            open      | scheduled      | running      | true   | running    |
            open      | resumed        | running      | true   | running    |
            open      | download       | download     | true   | download   |
            open      | downloaded     | downloaded   | true   | downloaded |
            open      | rejected       | warning      | true   | warning    |
            open      | canceled       | canceled     | false  | canceled   |
            open      | closed-success | finished     | false  | finished   |
            open      | closed-none    | finished     | false  | finished   |
            open      | closed-failure | error        | false  | error      |
            canceling | proceeding     | canceling    | true   | running    |
            canceling | scheduled      | canceling    | true   | running    |
            canceling | resumed        | canceling    | true   | running    |
            canceling | download       | canceling    | true   | download   |
            canceling | downloaded     | canceling    | true   | downloaded |
            canceling | rejected       | canceling    | true   | warning    |
            canceling | canceled       | canceled     | false  | canceled   |
            canceling | closed-success | finished     | false  | finished   |
            canceling | closed-none    | finished     | false  | finished   |
            canceling | closed-failure | error        | false  | error      |
            canceled  | proceeding     | canceled     | false  |            | ACTION_NOT_ACTIVE
            canceled  | closed-success | canceled     | false  |            | ACTION_NOT_ACTIVE
            canceled  | canceled       | canceled     | false  |            | ACTION_NOT_ACTIVE
            finished  | proceeding     | finished     | false  |            | ACTION_NOT_ACTIVE
            finished  | closed-failure | finished     | false  |            | ACTION_NOT_ACTIVE
            finished  | downloaded     | finished     | false  |            | ACTION_NOT_ACTIVE
            error     | proceeding     | error        | false  |            | ACTION_NOT_ACTIVE
            error     | closed-success | error        | false  |            | ACTION_NOT_ACTIVE
            error     | canceled       | error        | false  |            | ACTION_NOT_ACTIVE
            """)
    void deploymentFeedback(
            String group, String kind, String next, boolean active, String recorded, ServerError error) {
        for (String state : states(group)) {
            Action action = in(state, ActionType.FORCED);
            if (error != null) {
                assertThatThrownBy(() -> action.applyDeploymentFeedback(feedback(kind)))
                        .isInstanceOfSatisfying(
                                HawkbitException.class,
                                e -> assertThat(e.error()).isEqualTo(error));
            } else {
                Action.Transition transition = action.applyDeploymentFeedback(feedback(kind));
                assertThat(transition.recorded().json()).as(state).isEqualTo(recorded);
                assertThat(transition.closed()).as(state).isEqualTo(!active);
            }
            assertThat(action.getStatus().json()).as(state).isEqualTo(next);
            assertThat(action.isActive()).as(state).isEqualTo(active);
        }
    }

    @ParameterizedTest(name = "{0} + cancelAction {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # state   | feedback       | result state | active | records         | closes | error
            open      | proceeding     | =            | true   |                 | false  | ACTION_NOT_CANCELABLE
            open      | canceled       | =            | true   |                 | false  | ACTION_NOT_CANCELABLE
            open      | closed-success | =            | true   |                 | false  | ACTION_NOT_CANCELABLE
            canceling | proceeding     | canceling    | true   | canceling       | false  |
            canceling | scheduled      | canceling    | true   | canceling       | false  |
            canceling | resumed        | canceling    | true   | canceling       | false  |
            canceling | download       | canceling    | true   | canceling       | false  |
            canceling | downloaded     | canceling    | true   | canceling       | false  |
            canceling | rejected       | running      | true   | cancel_rejected | false  |
            canceling | closed-failure | running      | true   | cancel_rejected | false  |
            canceling | canceled       | canceled     | false  | canceled        | true   |
            canceling | closed-success | canceled     | false  | canceled        | true   |
            canceling | closed-none    | canceled     | false  | canceled        | true   |
            canceled  | canceled       | canceled     | false  | canceled        | false  |
            canceled  | closed-success | canceled     | false  | canceled        | false  |
            canceled  | proceeding     | canceled     | false  | canceling       | false  |
            finished  | canceled       | finished     | false  |                 | false  | ACTION_NOT_CANCELABLE
            finished  | closed-success | finished     | false  |                 | false  | ACTION_NOT_CANCELABLE
            error     | canceled       | error        | false  |                 | false  | ACTION_NOT_CANCELABLE
            """)
    void cancelFeedback(
            String group,
            String kind,
            String next,
            boolean active,
            String recorded,
            boolean closes,
            ServerError error) {
        for (String state : states(group)) {
            Action action = in(state, ActionType.FORCED);
            String expected = next.equals("=") ? state : next;
            if (error != null) {
                assertThatThrownBy(() -> action.applyCancelFeedback(feedback(kind)))
                        .isInstanceOfSatisfying(
                                HawkbitException.class,
                                e -> assertThat(e.error()).isEqualTo(error));
            } else {
                Action.Transition transition = action.applyCancelFeedback(feedback(kind));
                assertThat(transition.recorded().json()).as(state).isEqualTo(recorded);
                assertThat(transition.closed()).as(state).isEqualTo(closes);
            }
            assertThat(action.getStatus().json()).as(state).isEqualTo(expected);
            assertThat(action.isActive()).as(state).isEqualTo(active);
        }
    }

    @Test
    void downloadOnly_endsWhenDownloaded_unlessCanceling() {
        Action action = in("running", ActionType.DOWNLOAD_ONLY);
        assertThat(action.applyDeploymentFeedback(feedback("downloaded")).closed())
                .isTrue();
        assertThat(action.getStatus()).isEqualTo(ActionState.DOWNLOADED);
        assertThat(action.isActive()).isFalse();

        Action canceling = in("canceling", ActionType.DOWNLOAD_ONLY);
        assertThat(canceling.applyDeploymentFeedback(feedback("downloaded")).closed())
                .isFalse();
        assertThat(canceling.getStatus()).isEqualTo(ActionState.CANCELING);
        assertThat(canceling.isActive()).isTrue();
    }

    @ParameterizedTest(name = "cancel of {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            running    | canceling |
            download   | canceling |
            downloaded | canceling |
            warning    | canceling |
            canceling  | canceling | ACTION_NOT_CANCELABLE
            canceled   | canceled  | ACTION_NOT_CANCELABLE
            finished   | finished  | ACTION_NOT_CANCELABLE
            error      | error     | ACTION_NOT_CANCELABLE
            """)
    void requestCancel(String state, String next, ServerError error) {
        Action action = in(state, ActionType.FORCED);
        if (error == null) {
            action.requestCancel();
        } else {
            assertThatThrownBy(action::requestCancel)
                    .isInstanceOfSatisfying(
                            HawkbitException.class, e -> assertThat(e.error()).isEqualTo(error));
        }
        assertThat(action.getStatus().json()).isEqualTo(next);
    }

    @ParameterizedTest(name = "force quit of {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            running   | running   | ACTION_NOT_FORCE_QUITABLE
            download  | download  | ACTION_NOT_FORCE_QUITABLE
            canceling | canceled  |
            canceled  | canceled  | ACTION_NOT_CANCELABLE
            finished  | finished  | ACTION_NOT_CANCELABLE
            """)
    void forceQuit(String state, String next, ServerError error) {
        Action action = in(state, ActionType.FORCED);
        if (error == null) {
            action.forceQuit();
            assertThat(action.isActive()).isFalse();
        } else {
            assertThatThrownBy(action::forceQuit)
                    .isInstanceOfSatisfying(
                            HawkbitException.class, e -> assertThat(e.error()).isEqualTo(error));
        }
        assertThat(action.getStatus().json()).isEqualTo(next);
    }
}
