package io.hawkbit.rest.request;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.dos.Api;
import io.hawkbit.rest.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies per API before anything parses them: a declared {@code Content-Length} over the limit is
 * answered 413 at once, a chunked body is counted while it is read and fails with {@link BodyTooLargeException}
 * (413) when it passes the limit. Multipart uploads to the Management API keep the multipart limits.
 */
class BodySizeFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BodySizeFilter.class);

    private final long maxDdiBytes;
    private final long maxManagementBytes;

    public BodySizeFilter(RequestLimitsProperties limits) {
        this.maxDdiBytes = limits.getMaxDdiBodySize().toBytes();
        this.maxManagementBytes = limits.getMaxManagementBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Api api = Api.of(request);
        if (api == Api.MGMT && isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = api == Api.MGMT ? maxManagementBytes : maxDdiBytes;
        long length = request.getContentLengthLong();
        if (length > limit) {
            LOG.debug("Refused a {} body of {} bytes (limit {})", api.tag(), length, limit);
            ErrorResponses.write(
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    ServerError.PAYLOAD_TOO_LARGE,
                    BodyTooLargeException.class.getName(),
                    new BodyTooLargeException(limit).getMessage());
            return;
        }
        boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        chain.doFilter(chunked ? new SizeLimitedRequest(request, limit) : request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}
