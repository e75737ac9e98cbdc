package io.hawkbit.repository.query;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/** A filter or sort parameter that cannot be understood. */
public class InvalidQueryException extends HawkbitException {

    public InvalidQueryException(ServerError error, String message) {
        super(error, message);
    }
}
