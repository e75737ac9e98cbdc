package io.hawkbit.repository.error;

/** A referenced entity does not exist (in this tenant). */
public class EntityNotFoundException extends HawkbitException {

    public EntityNotFoundException(String entityType, Object id) {
        super(ServerError.ENTITY_NOT_FOUND, entityType + " with given identifier {" + id + "} does not exist.");
    }
}
