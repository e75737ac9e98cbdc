package io.hawkbit.rest.request;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/** A request body went past its API's size limit; answered with 413. */
class BodyTooLargeException extends HawkbitException {

    public BodyTooLargeException(long limitBytes) {
        super(ServerError.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + limitBytes + " bytes");
    }
}
