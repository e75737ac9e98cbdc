package io.hawkbit.repository.action;

/** hawkBit's action status values; the JSON form is the lower-case name. */
public enum ActionState {
    FINISHED,
    ERROR,
    WARNING,
    RUNNING,
    CANCELED,
    CANCELING,
    RETRIEVED,
    DOWNLOAD,
    SCHEDULED,
    CANCEL_REJECTED,
    DOWNLOADED,
    WAIT_FOR_CONFIRMATION;

    public String json() {
        return name().toLowerCase();
    }
}
