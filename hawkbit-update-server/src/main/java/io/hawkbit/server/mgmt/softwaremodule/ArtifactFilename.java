package io.hawkbit.server.mgmt.softwaremodule;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/**
 * The rule for artifact file names: one plain name, as devices save a download under the name the deployment gives
 * (SWUpdate, rauc-hawkbit-updater and the SDK join it to their download directory). A path ({@code ../x},
 * {@code /tmp/x}, {@code a\b}), {@code .}, {@code ..} or a control character (CR, LF, NUL, ...) would make a
 * device write outside that directory, or break the download link and the {@code Content-Disposition} header.
 */
public final class ArtifactFilename {

    static final int MAX_LENGTH = 256;

    private ArtifactFilename() {}

    /**
     * Returns {@code name} when it is a plain file name of 1 to {@link #MAX_LENGTH} characters; otherwise throws
     * (400, {@code hawkbit.server.error.artifact.uploadFailed}) with a message that starts with {@code field}.
     */
    public static String check(String name, String field) {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH) {
            throw invalid(field, "must be 1 to " + MAX_LENGTH + " characters long");
        }
        if (name.equals(".") || name.equals("..")) {
            throw invalid(field, "must not be '.' or '..'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                throw invalid(field, "must be a plain file name without '/' or '\\'");
            }
            if (Character.isISOControl(c)) {
                throw invalid(field, "must not contain control characters (found U+%04X)".formatted((int) c));
            }
        }
        return name;
    }

    private static HawkbitException invalid(String field, String rule) {
        return new HawkbitException(ServerError.ARTIFACT_UPLOAD_FAILED, field + ": the artifact file name " + rule);
    }
}
