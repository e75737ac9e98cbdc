package io.hawkbit.rest.error;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report in hawkBit's JSON shape instead of an HTML page, for what Tomcat refuses before any servlet
 * runs (a request line or headers over {@code server.max-http-request-header-size}, a malformed request line).
 * Errors of the application are answered by {@link JsonErrorController} and never reach it.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorReportValve.class);

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // As Tomcat's own valve: only an unwritten error response that nobody has reported yet.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = ErrorCodes.clientStatus(code);
        response.setStatus(status.value());
        String exceptionClass = throwable == null ? "" : throwable.getClass().getName();
        String message = status.is5xxServerError() ? ErrorCodes.of(status).message() : status.getReasonPhrase();
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorResponses.json(ErrorCodes.of(status), exceptionClass, message));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not write the error report: {}", e.getMessage());
        }
    }
}
