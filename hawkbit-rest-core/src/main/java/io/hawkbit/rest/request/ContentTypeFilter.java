package io.hawkbit.rest.request;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 to a body whose {@code Content-Type} is not a concrete media type (unparseable, a wildcard such as
 * {@code application/*}, an unknown charset). Spring MVC asserts these deep in body reading, where they would surface
 * as a 500. A request without a body may carry any Content-Type, as before.
 */
class ContentTypeFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ContentTypeFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean hasBody =
                request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (hasBody && contentType != null && !contentType.isBlank()) {
            String problem = problem(contentType);
            if (problem != null) {
                LOG.debug("Refused Content-Type '{}': {}", contentType, problem);
                ErrorResponses.write(
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        ServerError.MEDIA_TYPE_UNSUPPORTED,
                        InvalidMediaTypeException.class.getName(),
                        "Content-Type '" + contentType + "' " + problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the media type cannot describe a body, or null. */
    private static String problem(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "is a wildcard, not the type of a body";
            }
            type.getCharset();
            return null;
        } catch (InvalidMediaTypeException e) {
            return "is not a media type";
        } catch (IllegalArgumentException e) {
            // An unknown or illegal charset name.
            return "names an unknown charset";
        }
    }
}
