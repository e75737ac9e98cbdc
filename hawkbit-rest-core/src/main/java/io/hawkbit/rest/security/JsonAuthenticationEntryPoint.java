package io.hawkbit.rest.security;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.dos.RejectedResponse;
import io.hawkbit.rest.error.ErrorResponses;
import io.hawkbit.rest.login.LoginAttempts;
import io.hawkbit.rest.login.LoginLockedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers 401 and 403 with hawkBit's JSON error body, and a login refused for a lockout with 429. */
public class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value, or null for none */
    public JsonAuthenticationEntryPoint(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginLockedException locked) {
            RejectedResponse.tooManyRequests(response, locked.waitNanos(), LoginAttempts.class, locked.getMessage());
            return;
        }
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                ServerError.UNAUTHORIZED,
                e.getClass().getName(),
                "Full authentication is required to access this resource");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                ServerError.FORBIDDEN,
                e.getClass().getName(),
                "Insufficient permissions for this request");
    }

    static void write(
            HttpServletResponse response, int status, ServerError error, String exceptionClass, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ErrorResponses.json(error, exceptionClass, message));
    }
}
