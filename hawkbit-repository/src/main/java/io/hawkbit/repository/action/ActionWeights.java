package io.hawkbit.repository.action;

import java.util.Comparator;
import java.util.List;

/**
 * hawkBit's order of a target's open actions under multi-assignment: the highest weight first, an action without
 * weight counting as {@link #DEFAULT_WEIGHT}, and among equal weights the oldest first.
 */
final class ActionWeights {

    /** The weight hawkBit gives an action created without one. */
    static final int DEFAULT_WEIGHT = 1000;

    private static final Comparator<Action> SERVING_ORDER =
            Comparator.comparingInt(ActionWeights::weightOf).reversed().thenComparing(Action::getId);

    private ActionWeights() {}

    static int weightOf(Action action) {
        return action.getWeight() == null ? DEFAULT_WEIGHT : action.getWeight();
    }

    /** The actions in the order the device gets them: the first is what it works on now. */
    static List<Action> inServingOrder(List<Action> actions) {
        return actions.stream().sorted(SERVING_ORDER).toList();
    }
}
