package io.hawkbit.cache;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time-to-live written as {@code dDhHmMsS}: one or more {@code <number><unit>} groups, units {@code d}, {@code h},
 * {@code m}, {@code s} in either case, each at most once, largest first ({@code 1d}, {@code 2h30m}, {@code 1D2H3M4S},
 * {@code 45s}). Zero is refused: a cache whose entries expire at once does not cache (hawkBit's {@code 0s} trap);
 * leave the property out for no time-based expiry. Spring converts property values through {@link #of(String)}.
 */
public final class Ttl {

    /** The grammar, as error messages state it. */
    public static final String GRAMMAR =
            "one or more <number><unit> groups with units d, h, m, s (either case), each at "
                    + "most once, largest first, e.g. 1d, 2h30m, 1D2H3M4S, 45s; greater than zero";

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)[dD])?(?:(\\d+)[hH])?(?:(\\d+)[mM])?(?:(\\d+)[sS])?");
    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};

    private final Duration duration;
    private final String text;

    private Ttl(Duration duration, String text) {
        this.duration = duration;
        this.text = text;
    }

    /**
     * Parses a TTL.
     *
     * @throws IllegalArgumentException naming the value and the grammar when the text is not a valid TTL
     */
    public static Ttl of(String text) {
        String value = text == null ? "" : text.trim();
        Matcher matcher = FORM.matcher(value);
        if (value.isEmpty() || !matcher.matches()) {
            throw invalid(text, "");
        }
        long seconds = 0;
        for (int group = 1; group <= 4; group++) {
            String number = matcher.group(group);
            if (number != null) {
                try {
                    seconds =
                            Math.addExact(seconds, Math.multiplyExact(Long.parseLong(number), UNIT_SECONDS[group - 1]));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw invalid(text, " (too large)");
                }
            }
        }
        if (seconds == 0) {
            throw invalid(text, " (zero would disable caching; leave the property out for no expiry)");
        }
        return new Ttl(Duration.ofSeconds(seconds), value);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a valid TTL" + why + ": expected " + GRAMMAR);
    }

    public Duration toDuration() {
        return duration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ttl ttl && ttl.duration.equals(duration);
    }

    @Override
    public int hashCode() {
        return duration.hashCode();
    }

    /** The text it was written as. */
    @Override
    public String toString() {
        return text;
    }
}
