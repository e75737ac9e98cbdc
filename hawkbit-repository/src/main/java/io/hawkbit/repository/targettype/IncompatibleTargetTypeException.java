package io.hawkbit.repository.targettype;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/** A distribution set was to be assigned to a target whose type does not list the set's type as compatible. */
public class IncompatibleTargetTypeException extends HawkbitException {

    public IncompatibleTargetTypeException(String targetTypeName, String distributionSetTypeName) {
        super(
                ServerError.TARGET_TYPE_INCOMPATIBLE,
                "Target of type " + targetTypeName + " is not compatible with distribution set of type "
                        + distributionSetTypeName);
    }
}
