package io.hawkbit.repository.action;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * A Quartz cron expression as hawkBit 1.1 accepts it for maintenance windows (cron-utils' Quartz definition): six
 * fields {@code second minute hour day-of-month month day-of-week} and an optional seventh, the year; exactly one of
 * the two day fields is {@code ?}. Spring's {@link CronExpression} evaluates it: Quartz counts days of the week from
 * 1 = Sunday where Spring counts from 0 = Sunday, so the day-of-week field is translated, and Spring has no year
 * field, so years are filtered here.
 */
final class QuartzSchedule {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2099;
    /** Quartz's day names with Spring's numbers (0 = Sunday). */
    private static final Map<String, Integer> DAYS =
            Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4, "FRI", 5, "SAT", 6);

    private static final Pattern LAST_OF = Pattern.compile("(\\w+)L");
    private static final Pattern NTH_OF = Pattern.compile("(\\w+)#(\\d+)");
    private static final Pattern YEAR_ELEMENT = Pattern.compile("(\\*|\\d{4})(?:-(\\d{4}))?(?:/(\\d+))?");

    private final CronExpression days;
    /** Allowed years, bit {@code year - FIRST_YEAR}. */
    private final BitSet years;

    private QuartzSchedule(CronExpression days, BitSet years) {
        this.days = days;
        this.years = years;
    }

    /**
     * Parses a Quartz expression.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static QuartzSchedule parse(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 6 && fields.length != 7) {
            throw new IllegalArgumentException("a Quartz cron expression has 6 or 7 fields (second minute hour"
                    + " day-of-month month day-of-week [year]), this one has " + fields.length);
        }
        boolean anyDayOfMonth = fields[3].equals("?");
        boolean anyDayOfWeek = fields[5].equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            throw new IllegalArgumentException(
                    "exactly one of day-of-month and day-of-week must be '?' (Quartz supports only one of them)");
        }
        String spring = String.join(" ", fields[0], fields[1], fields[2], fields[3], fields[4], dayOfWeek(fields[5]));
        BitSet years = fields.length == 7 ? years(fields[6]) : allYears();
        return new QuartzSchedule(CronExpression.parse(spring), years);
    }

    /**
     * The first time matching the expression strictly after {@code after}, in {@code after}'s zone; null when there
     * is none (the allowed years are over, or the date never exists, such as 30 February).
     */
    ZonedDateTime next(ZonedDateTime after) {
        try {
            return nextInAllowedYear(after);
        } catch (DateTimeException | ArithmeticException e) {
            // Spring rejects some day combinations only while evaluating them; as in hawkBit, such a schedule has
            // no window.
            return null;
        }
    }

    private ZonedDateTime nextInAllowedYear(ZonedDateTime after) {
        ZonedDateTime candidate = days.next(after);
        while (candidate != null) {
            int year = candidate.getYear();
            if (year > LAST_YEAR) {
                return null;
            }
            if (years.get(year - FIRST_YEAR)) {
                return candidate;
            }
            int nextYear = years.nextSetBit(year - FIRST_YEAR);
            if (nextYear < 0) {
                return null;
            }
            ZonedDateTime yearStart = ZonedDateTime.of(nextYear + FIRST_YEAR, 1, 1, 0, 0, 0, 0, after.getZone());
            candidate = days.next(yearStart.minusNanos(1));
        }
        return null;
    }

    private static String dayOfWeek(String field) {
        if (field.equals("?") || field.equals("*")) {
            return field;
        }
        StringBuilder spring = new StringBuilder();
        for (String element : field.split(",", -1)) {
            if (!spring.isEmpty()) {
                spring.append(',');
            }
            spring.append(dayOfWeekElement(element));
        }
        return spring.toString();
    }

    private static String dayOfWeekElement(String element) {
        if (element.equals("L")) {
            return String.valueOf(DAYS.get("SAT"));
        }
        Matcher last = LAST_OF.matcher(element);
        if (last.matches()) {
            return day(last.group(1)) + "L";
        }
        Matcher nth = NTH_OF.matcher(element);
        if (nth.matches()) {
            return day(nth.group(1)) + "#" + nth.group(2);
        }
        String[] rangeAndStep = element.split("/", -1);
        if (rangeAndStep.length > 2) {
            throw new IllegalArgumentException("'" + element + "' is not a valid day-of-week");
        }
        String[] bounds = rangeAndStep[0].split("-", -1);
        if (bounds.length > 2) {
            throw new IllegalArgumentException("'" + element + "' is not a valid day-of-week");
        }
        StringBuilder spring = new StringBuilder();
        for (String bound : bounds) {
            if (!spring.isEmpty()) {
                spring.append('-');
            }
            spring.append(bound.equals("*") ? "*" : day(bound));
        }
        if (rangeAndStep.length == 2) {
            spring.append('/').append(rangeAndStep[1]);
        }
        return spring.toString();
    }

    /** A Quartz day of the week (1-7, Sunday first, or a name) as Spring's number. */
    private static int day(String quartz) {
        Integer named = DAYS.get(quartz.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            int day = Integer.parseInt(quartz);
            if (day >= 1 && day <= 7) {
                return day - 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "'" + quartz + "' is not a day of the week; expected 1-7 (1 = Sunday) or SUN-SAT");
    }

    private static BitSet years(String field) {
        BitSet years = new BitSet();
        for (String element : field.split(",", -1)) {
            Matcher m = YEAR_ELEMENT.matcher(element);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + element + "' is not a valid year (1970-2099)");
            }
            boolean every = m.group(1).equals("*");
            if (every && m.group(2) != null) {
                throw new IllegalArgumentException("'" + element + "' is not a valid year (1970-2099)");
            }
            int from = every ? FIRST_YEAR : year(m.group(1));
            int to = m.group(2) != null ? year(m.group(2)) : (every || m.group(3) != null ? LAST_YEAR : from);
            int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (from > to || step < 1) {
                throw new IllegalArgumentException("'" + element + "' is not a valid year range");
            }
            for (int year = from; year <= to; year += step) {
                years.set(year - FIRST_YEAR);
            }
        }
        return years;
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside 1970-2099");
        }
        return year;
    }

    private static BitSet allYears() {
        BitSet years = new BitSet();
        years.set(0, LAST_YEAR - FIRST_YEAR + 1);
        return years;
    }
}
