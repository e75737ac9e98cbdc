package io.hawkbit.server.cluster;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/** A new event stream would exceed the per-user or per-node cap; answered with 429 and {@code Retry-After}. */
public class StreamLimitException extends HawkbitException {

    public StreamLimitException(String message) {
        super(ServerError.TOO_MANY_REQUESTS, message);
    }
}
