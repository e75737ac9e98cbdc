package io.hawkbit.rest.error;

import io.hawkbit.repository.error.ServerError;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (the servlet container, the security firewall rejecting a path such
 * as {@code //}) in hawkBit's error shape instead of Boot's default body.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ExceptionInfo> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR && code == null) {
            // Called by a client rather than forwarded to by the container: there is no error to report.
            return ErrorResponses.of(
                    HttpStatus.NOT_FOUND,
                    ServerError.ENTITY_NOT_FOUND,
                    "",
                    "No resource at " + request.getRequestURI());
        }
        HttpStatus status = ErrorCodes.clientStatus(code instanceof Integer value ? value : 500);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String exceptionClass = exception == null ? "" : exception.getClass().getName();
        ServerError error = ErrorCodes.of(status);
        String message = status.is5xxServerError()
                ? ServerError.INTERNAL.message()
                : status.getReasonPhrase()
                        + (exception instanceof Throwable t && t.getMessage() != null ? ": " + t.getMessage() : "");
        return ErrorResponses.of(status, error, exceptionClass, message);
    }
}
