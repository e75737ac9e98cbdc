package io.hawkbit.repository.error;

/** An entity with the same natural key (controllerId, name + version, key) already exists. */
public class EntityAlreadyExistsException extends HawkbitException {

    public EntityAlreadyExistsException(String message) {
        super(ServerError.ENTITY_ALREADY_EXISTS, message);
    }
}
