package io.hawkbit.repository.error;

/** An expected failure of a use case: carries hawkBit's error key so the REST layer can answer with the right status. */
public class HawkbitException extends RuntimeException {

    private final ServerError error;

    public HawkbitException(ServerError error) {
        this(error, error.message());
    }

    public HawkbitException(ServerError error, String message) {
        super(message);
        this.error = error;
    }

    public ServerError error() {
        return error;
    }
}
