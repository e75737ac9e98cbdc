package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hawkbit.repository.rollout.RolloutConditions.Condition;

/** hawkBit's condition objects: {@code {"condition": "THRESHOLD", "expression": "50"}} and the action form {@code {"action": "PAUSE", ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtCondition(String condition, String action, String expression) {

    static MgmtCondition condition(String condition, String expression) {
        return condition == null ? null : new MgmtCondition(condition, null, expression);
    }

    static MgmtCondition action(String action, String expression) {
        return action == null ? null : new MgmtCondition(null, action, expression);
    }

    static Condition asCondition(MgmtCondition body) {
        return body == null ? null : new Condition(body.condition(), body.expression());
    }

    static Condition asAction(MgmtCondition body) {
        return body == null ? null : new Condition(body.action(), body.expression());
    }
}
