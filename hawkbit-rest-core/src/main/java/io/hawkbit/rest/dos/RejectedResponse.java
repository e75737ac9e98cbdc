package io.hawkbit.rest.dos;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.error.ErrorResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes 429 (with {@code Retry-After}) and 403 answers in hawkBit's JSON error shape from servlet filters. */
public final class RejectedResponse {

    private RejectedResponse() {}

    /** 429 with {@code Retry-After} in whole seconds, rounded up and at least 1. */
    public static void tooManyRequests(
            HttpServletResponse response, long waitNanos, Class<?> rejectedBy, String message) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(waitNanos)));
        write(response, HttpStatus.TOO_MANY_REQUESTS.value(), ServerError.TOO_MANY_REQUESTS, rejectedBy, message);
    }

    public static void forbidden(HttpServletResponse response, Class<?> rejectedBy, String message) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, ServerError.FORBIDDEN, rejectedBy, message);
    }

    static long retryAfterSeconds(long waitNanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(waitNanos);
        return Math.max(1, TimeUnit.SECONDS.toNanos(seconds) < waitNanos ? seconds + 1 : seconds);
    }

    private static void write(
            HttpServletResponse response, int status, ServerError error, Class<?> rejectedBy, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ErrorResponses.json(error, rejectedBy.getName(), message));
    }
}
