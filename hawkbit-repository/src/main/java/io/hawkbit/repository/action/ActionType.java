package io.hawkbit.repository.action;

import java.util.Arrays;
import java.util.Optional;

/** How insistently a deployment is pushed to the device; {@link #json()} is hawkBit's wire name. */
public enum ActionType {
    FORCED("forced"),
    SOFT("soft"),
    TIMEFORCED("timeforced"),
    DOWNLOAD_ONLY("downloadonly");

    private final String json;

    ActionType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<ActionType> fromJson(String value) {
        return Arrays.stream(values())
                .filter(t -> t.json.equalsIgnoreCase(value))
                .findFirst();
    }
}
