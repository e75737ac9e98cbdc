package io.hawkbit.server.mgmt;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/**
 * hawkBit 1.1 request fields and parameters whose feature this server does not have yet. They are refused with a 400
 * naming them: dropping them would let an operator believe, say, that a maintenance window guards an assignment.
 */
public final class NotImplementedYet {

    private NotImplementedYet() {}

    /** Refuses a body field that asks for something this server cannot do yet. */
    public static void field(String name, boolean requested) {
        if (requested) {
            throw new HawkbitException(
                    ServerError.BODY_NOT_READABLE,
                    "The field '" + name + "' is not supported by this server yet; leave it out");
        }
    }

    /** Refuses a request parameter that asks for something this server cannot do yet. */
    public static void parameter(String name, boolean requested) {
        if (requested) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID,
                    "The parameter '" + name + "' is not supported by this server yet; leave it out");
        }
    }

    public static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
