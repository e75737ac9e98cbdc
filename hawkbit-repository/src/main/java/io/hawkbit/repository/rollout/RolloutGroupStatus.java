package io.hawkbit.repository.rollout;

/**
 * hawkBit's group states: READY before the rollout starts, SCHEDULED while waiting for the group before it, RUNNING
 * once its actions exist, then FINISHED or ERROR (its error threshold was crossed, or it ended below its success
 * threshold). The JSON form is the lower-case name.
 */
public enum RolloutGroupStatus {
    READY,
    SCHEDULED,
    RUNNING,
    FINISHED,
    ERROR;

    public String json() {
        return name().toLowerCase();
    }
}
