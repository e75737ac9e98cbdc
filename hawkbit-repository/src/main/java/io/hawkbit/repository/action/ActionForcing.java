package io.hawkbit.repository.action;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's switch of a soft action to forced; the device sees it on its next poll. */
@Service
public class ActionForcing {

    private final ActionQueries queries;
    private final ActionRepository actions;
    private final ActionEvents events;

    public ActionForcing(ActionQueries queries, ActionRepository actions, ActionEvents events) {
        this.queries = queries;
        this.actions = actions;
        this.events = events;
    }

    /**
     * Makes the target's action forced; an action forced already is returned unchanged. The update event evicts the
     * device's cached poll answer on every node, and the action's new revision changes the deploymentBase link and the
     * poll's ETag, so a device polling with {@code If-None-Match} gets the new answer.
     */
    @Transactional
    public Action force(String tenant, String controllerId, Long actionId) {
        Action action = queries.actionOf(tenant, controllerId, actionId);
        if (action.switchToForced()) {
            actions.saveAndFlush(action);
            events.updated(action);
        }
        return action;
    }
}
