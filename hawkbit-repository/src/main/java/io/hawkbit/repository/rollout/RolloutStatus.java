package io.hawkbit.repository.rollout;

/** hawkBit's rollout states; the JSON form is the lower-case name. */
public enum RolloutStatus {
    READY,
    WAITING_FOR_APPROVAL,
    APPROVAL_DENIED,
    STARTING,
    RUNNING,
    PAUSED,
    STOPPED,
    FINISHED,
    DELETED;

    public String json() {
        return name().toLowerCase();
    }
}
