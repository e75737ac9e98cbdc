package io.hawkbit.server.ui;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/**
 * The checks the Management API's request bodies make with bean validation (required, at most so many characters),
 * for console forms, whose fields arrive as text: a failed check is a {@code PARAM_INVALID} naming the field.
 */
final class FormInput {

    private FormInput() {}

    /** The trimmed value; refused when blank or longer than {@code max}. */
    static String required(String value, String label, int max) {
        String trimmed = optional(value, label, max);
        if (trimmed == null) {
            throw invalid(label + " is required");
        }
        return trimmed;
    }

    /** The trimmed value, null when blank; refused when longer than {@code max}. */
    static String optional(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw invalid(label + " may have at most " + max + " characters");
        }
        return trimmed;
    }

    static HawkbitException invalid(String message) {
        return new HawkbitException(ServerError.PARAM_INVALID, message);
    }
}
