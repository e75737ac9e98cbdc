package io.hawkbit.repository.target;

/** hawkBit's target update status; the JSON form is the lower-case name. */
public enum TargetUpdateStatus {
    UNKNOWN,
    IN_SYNC,
    PENDING,
    ERROR,
    REGISTERED;

    public String json() {
        return name().toLowerCase();
    }
}
