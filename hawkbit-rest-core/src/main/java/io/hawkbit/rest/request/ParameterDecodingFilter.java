package io.hawkbit.rest.request;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Has the servlet container decode the request parameters up front and answers 400 when it cannot (a malformed
 * {@code %}-escape, bytes that are not UTF-8, too many parameters). Tomcat decodes lazily and throws from whichever
 * filter, security check or endpoint first asks for a parameter; here it happens once, before any of them.
 */
class ParameterDecodingFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterDecodingFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Parameters of a multipart body are its parts: decoding them here would store an upload before authentication.
        if (!isMultipart(request)) {
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                refuse(response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, InvalidParameterException e) throws IOException {
        LOG.debug("Refused undecodable request parameters: {}", e.getMessage());
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            ErrorResponses.write(
                    response,
                    status,
                    ServerError.PAYLOAD_TOO_LARGE,
                    e.getClass().getName(),
                    "The form body is too large");
        } else {
            ErrorResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    ServerError.PARAM_INVALID,
                    e.getClass().getName(),
                    "The request parameters cannot be decoded: use %-escapes of UTF-8 bytes");
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
