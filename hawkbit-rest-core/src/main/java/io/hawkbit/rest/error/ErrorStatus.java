package io.hawkbit.rest.error;

import io.hawkbit.repository.error.ServerError;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The HTTP status of each error key, as hawkBit answers them. */
public final class ErrorStatus {

    private static final Map<ServerError, HttpStatus> STATUS = new EnumMap<>(ServerError.class);

    static {
        for (ServerError error : ServerError.values()) {
            STATUS.put(error, HttpStatus.BAD_REQUEST);
        }
        STATUS.put(ServerError.ENTITY_NOT_FOUND, HttpStatus.NOT_FOUND);
        STATUS.put(ServerError.ENTITY_ALREADY_EXISTS, HttpStatus.CONFLICT);
        STATUS.put(ServerError.CONCURRENT_MODIFICATION, HttpStatus.CONFLICT);
        STATUS.put(ServerError.ACTION_NOT_CANCELABLE, HttpStatus.METHOD_NOT_ALLOWED);
        STATUS.put(ServerError.ACTION_NOT_FORCE_QUITABLE, HttpStatus.METHOD_NOT_ALLOWED);
        STATUS.put(ServerError.ACTION_NOT_ACTIVE, HttpStatus.GONE);
        // hawkBit answers 404 (no body) on confirmation feedback for an action that is not waiting.
        STATUS.put(ServerError.ACTION_NOT_WAITING_CONFIRMATION, HttpStatus.NOT_FOUND);
        STATUS.put(ServerError.AUTO_CONFIRMATION_ALREADY_ACTIVE, HttpStatus.CONFLICT);
        STATUS.put(ServerError.TARGET_TYPE_IN_USE, HttpStatus.CONFLICT);
        STATUS.put(ServerError.ENTITY_LOCKED, HttpStatus.LOCKED);
        STATUS.put(ServerError.ENTITY_READ_ONLY, HttpStatus.FORBIDDEN);
        STATUS.put(ServerError.QUOTA_EXCEEDED, HttpStatus.FORBIDDEN);
        STATUS.put(ServerError.CONFIG_VALUE_CHANGE_NOT_ALLOWED, HttpStatus.FORBIDDEN);
        STATUS.put(ServerError.FILE_SIZE_QUOTA, HttpStatus.PAYLOAD_TOO_LARGE);
        STATUS.put(ServerError.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE);
        STATUS.put(ServerError.FORBIDDEN, HttpStatus.FORBIDDEN);
        STATUS.put(ServerError.UNAUTHORIZED, HttpStatus.UNAUTHORIZED);
        STATUS.put(ServerError.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED);
        STATUS.put(ServerError.MEDIA_TYPE_UNSUPPORTED, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        STATUS.put(ServerError.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE);
        STATUS.put(ServerError.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS);
        STATUS.put(ServerError.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED);
        STATUS.put(ServerError.RANGE_NOT_SATISFIABLE, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
        STATUS.put(ServerError.ARTIFACT_UPLOAD_FAILED, HttpStatus.BAD_REQUEST);
        STATUS.put(ServerError.ARTIFACT_LOAD_FAILED, HttpStatus.NOT_FOUND);
        STATUS.put(ServerError.INTERNAL, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ErrorStatus() {}

    public static HttpStatus of(ServerError error) {
        return STATUS.get(error);
    }
}
