package io.hawkbit.repository.target;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;

/**
 * The controllerIds a target may be created with: those every API can address again in a URL path segment, and a
 * target's default name derived from its id.
 */
public final class ControllerIds {

    /** Longest controllerId, in UTF-16 units (the column's length). */
    public static final int MAX_LENGTH = 256;

    /** Longest target name (the column's length). */
    static final int MAX_NAME_LENGTH = 128;

    private static final String RULE =
            "controllerId must have 1-" + MAX_LENGTH + " characters, none of them whitespace, "
                    + "a control character, '/', '\\', '%' or ';', and must not be '.' or '..'";

    private ControllerIds() {}

    /**
     * Refuses, with {@link ServerError#CONSTRAINT_VIOLATION}, an id that Spring Security's firewall or path
     * normalisation would keep from ever being read, polled or deleted again (a slash, dot segments, encoded
     * characters), or that hawkBit forbids (whitespace).
     */
    public static void check(String controllerId) {
        if (controllerId == null
                || controllerId.isEmpty()
                || controllerId.length() > MAX_LENGTH
                || controllerId.equals(".")
                || controllerId.equals("..")
                || controllerId.codePoints().anyMatch(ControllerIds::forbidden)) {
            throw new HawkbitException(
                    ServerError.CONSTRAINT_VIOLATION, RULE + "; got '" + printable(controllerId) + "'");
        }
    }

    // '%' would be decoded in a DDI path (dev%42 is devB) and '%25' is refused by the firewall, as are ';' and '\'.
    private static boolean forbidden(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || c == '/'
                || c == '\\'
                || c == '%'
                || c == ';';
    }

    /** The name of a target created without one: its id, cut to the longest name without splitting a character. */
    public static String defaultName(String controllerId) {
        if (controllerId.length() <= MAX_NAME_LENGTH) {
            return controllerId;
        }
        int end = Character.isHighSurrogate(controllerId.charAt(MAX_NAME_LENGTH - 1))
                ? MAX_NAME_LENGTH - 1
                : MAX_NAME_LENGTH;
        return controllerId.substring(0, end);
    }

    private static String printable(String controllerId) {
        if (controllerId == null) {
            return "";
        }
        String shown = controllerId.length() > MAX_LENGTH ? controllerId.substring(0, 32) + "..." : controllerId;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
