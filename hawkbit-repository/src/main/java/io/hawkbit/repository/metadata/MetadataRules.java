package io.hawkbit.repository.metadata;

import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.query.QueryFields;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What every owner's metadata obeys: hawkBit's key and value sizes, unique keys, the per-owner quota. */
public final class MetadataRules {

    /** hawkBit's {@code METADATA_MAX_KEY_SIZE}. */
    public static final int MAX_KEY_LENGTH = 128;
    /** hawkBit's {@code METADATA_MAX_VALUE_SIZE}. */
    public static final int MAX_VALUE_LENGTH = 4000;

    /** {@code q} and {@code sort} fields of target and distribution set metadata lists. */
    public static final QueryFields FIELDS = QueryFields.of(Map.of("key", "key", "value", "value"));

    private MetadataRules() {}

    /** A key must be given, not blank, and at most {@value #MAX_KEY_LENGTH} characters (400 otherwise). */
    public static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw invalid("key must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw invalid("key must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** A value must be given and be at most {@value #MAX_VALUE_LENGTH} characters (400 otherwise). */
    public static void checkValue(String value) {
        if (value == null) {
            throw invalid("value must not be null");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw invalid("value must be at most " + MAX_VALUE_LENGTH + " characters");
        }
    }

    /** Refuses (409) a request that names a key more than once: which of its values would win is not said. */
    public static void checkUnique(Collection<String> keys) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new EntityAlreadyExistsException(
                        "The request names the metadata key '" + key + "' more than once");
            }
        }
    }

    /** Refuses (403, {@code hawkbit.server.error.quota.tooManyEntries}) more than {@code max} entries on one owner. */
    public static void checkQuota(int entries, int max, String ownerType, Object ownerId) {
        if (entries > max) {
            throw new HawkbitException(
                    ServerError.QUOTA_EXCEEDED,
                    "Quota exceeded: cannot hold " + entries + " metadata entries on " + ownerType + " " + ownerId
                            + ", the maximum is " + max);
        }
    }

    private static HawkbitException invalid(String message) {
        return new HawkbitException(ServerError.CONSTRAINT_VIOLATION, "Invalid metadata: " + message);
    }
}
