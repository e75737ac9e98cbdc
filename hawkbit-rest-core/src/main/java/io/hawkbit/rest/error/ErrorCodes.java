package io.hawkbit.rest.error;

import io.hawkbit.repository.error.ServerError;
import org.springframework.http.HttpStatus;

/** The hawkBit error key for a bare HTTP status, when the servlet container rather than a handler chose the status. */
final class ErrorCodes {

    private ErrorCodes() {}

    /**
     * The status to answer for one the container chose. Tomcat answers a method it does not know (CONNECT, or any
     * name outside HTTP's list) with 501, a client's mistake that monitoring must not count as a server failure.
     */
    static HttpStatus clientStatus(int code) {
        if (code == HttpStatus.NOT_IMPLEMENTED.value()) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            return code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        return status;
    }

    static ServerError of(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ServerError.ENTITY_NOT_FOUND;
            case UNAUTHORIZED -> ServerError.UNAUTHORIZED;
            case FORBIDDEN -> ServerError.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ServerError.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> ServerError.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ServerError.MEDIA_TYPE_UNSUPPORTED;
            case NOT_ACCEPTABLE -> ServerError.NOT_ACCEPTABLE;
            case TOO_MANY_REQUESTS -> ServerError.TOO_MANY_REQUESTS;
            case REQUESTED_RANGE_NOT_SATISFIABLE -> ServerError.RANGE_NOT_SATISFIABLE;
            default -> status.is5xxServerError() ? ServerError.INTERNAL : ServerError.PARAM_INVALID;
        };
    }
}
