package io.hawkbit.rest.error;

import io.hawkbit.repository.error.ServerError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds error responses in hawkBit's shape. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static ResponseEntity<ExceptionInfo> of(ServerError error, String exceptionClass, String message) {
        return of(ErrorStatus.of(error), error, exceptionClass, message);
    }

    public static ResponseEntity<ExceptionInfo> of(
            HttpStatus status, ServerError error, String exceptionClass, String message) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(new ExceptionInfo(exceptionClass, error.key(), message), headers, status);
    }

    /** A JSON body for writers outside Spring MVC (filters, entry points). */
    public static String json(ServerError error, String exceptionClass, String message) {
        return "{\"exceptionClass\":\"" + escape(exceptionClass) + "\",\"errorCode\":\"" + error.key()
                + "\",\"message\":\"" + escape(message) + "\"}";
    }

    /** Writes the JSON body with {@code status} from a servlet filter, before Spring MVC is involved. */
    public static void write(
            HttpServletResponse response, HttpStatus status, ServerError error, String exceptionClass, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(error, exceptionClass, message));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
