package io.hawkbit.rest.error;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a request to hawkBit's error body and status; bad input is a 4xx, never a 5xx. */
@RestControllerAdvice
class ResponseExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseExceptionHandler.class);

    @ExceptionHandler(HawkbitException.class)
    ResponseEntity<ExceptionInfo> hawkbit(HawkbitException e) {
        LOG.debug("Request failed: {}", e.getMessage());
        return ErrorResponses.of(e.error(), e.getClass().getName(), e.getMessage());
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class,
        MissingRequestHeaderException.class,
        ServletRequestBindingException.class
    })
    ResponseEntity<ExceptionInfo> notReadable(Exception e) {
        LOG.debug("Unreadable request: {}", e.getMessage());
        // A body over its size limit fails while the converter reads it; its own status (413) applies.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof HawkbitException hawkbit) {
                return hawkbit(hawkbit);
            }
        }
        return ErrorResponses.of(ServerError.BODY_NOT_READABLE, e.getClass().getName(), readable(e));
    }

    /** Tomcat decodes parameters lazily; one that is not decodable fails where it is first asked for. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ExceptionInfo> undecodable(InvalidParameterException e) {
        LOG.debug("Undecodable request parameters: {}", e.getMessage());
        return ErrorResponses.of(
                ServerError.PARAM_INVALID,
                e.getClass().getName(),
                "The request parameters cannot be decoded: use %-escapes of UTF-8 bytes");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ExceptionInfo> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(
                ServerError.CONSTRAINT_VIOLATION,
                e.getClass().getName(),
                message.isEmpty() ? ServerError.CONSTRAINT_VIOLATION.message() : message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ExceptionInfo> invalid(HandlerMethodValidationException e) {
        String message =
                e.getAllErrors().stream().map(err -> err.getDefaultMessage()).collect(Collectors.joining("; "));
        return ErrorResponses.of(ServerError.CONSTRAINT_VIOLATION, e.getClass().getName(), message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ExceptionInfo> invalid(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(ServerError.CONSTRAINT_VIOLATION, e.getClass().getName(), message);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ExceptionInfo> concurrent(OptimisticLockingFailureException e) {
        return ErrorResponses.of(
                ServerError.CONCURRENT_MODIFICATION,
                e.getClass().getName(),
                ServerError.CONCURRENT_MODIFICATION.message());
    }

    /** A unique key raced past the service's existence check, or a value the database refuses. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ExceptionInfo> integrity(DataIntegrityViolationException e) {
        String detail = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase();
        LOG.debug("Integrity violation: {}", detail);
        if (detail.contains("unique") || detail.contains("duplicate")) {
            return ErrorResponses.of(
                    ServerError.ENTITY_ALREADY_EXISTS,
                    e.getClass().getName(),
                    ServerError.ENTITY_ALREADY_EXISTS.message());
        }
        return ErrorResponses.of(
                ServerError.CONSTRAINT_VIOLATION,
                e.getClass().getName(),
                "The given entity cannot be saved: a value is too long or a reference is invalid");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ExceptionInfo> method(HttpRequestMethodNotSupportedException e) {
        return ErrorResponses.of(ServerError.METHOD_NOT_ALLOWED, e.getClass().getName(), e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ExceptionInfo> mediaType(HttpMediaTypeNotSupportedException e) {
        return ErrorResponses.of(
                ServerError.MEDIA_TYPE_UNSUPPORTED, e.getClass().getName(), e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ExceptionInfo> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ErrorResponses.of(ServerError.NOT_ACCEPTABLE, e.getClass().getName(), e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ExceptionInfo> tooLarge(MaxUploadSizeExceededException e) {
        return ErrorResponses.of(
                ServerError.FILE_SIZE_QUOTA, e.getClass().getName(), "The upload exceeds the maximum file size");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ExceptionInfo> multipart(MultipartException e) {
        return ErrorResponses.of(
                ServerError.ARTIFACT_UPLOAD_FAILED, e.getClass().getName(), readable(e));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ExceptionInfo> noResource(NoResourceFoundException e) {
        return ErrorResponses.of(
                ServerError.ENTITY_NOT_FOUND, e.getClass().getName(), "No resource at " + e.getResourcePath());
    }

    /** The client went away (a health check closing early, a device losing its link): nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        LOG.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ExceptionInfo> unexpected(Exception e) {
        if (e.getClass().getSimpleName().equals("ClientAbortException")) {
            LOG.debug("Client disconnected: {}", e.getMessage());
            return null;
        }
        LOG.error("Unexpected failure of a request", e);
        return ErrorResponses.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ServerError.INTERNAL,
                e.getClass().getName(),
                ServerError.INTERNAL.message());
    }

    private static String readable(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return ServerError.BODY_NOT_READABLE.message();
        }
        // Jackson messages quote the whole source location; the first line says what is wrong.
        return message.lines().findFirst().orElse(message);
    }
}
