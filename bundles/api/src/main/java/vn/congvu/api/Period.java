package vn.congvu.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a year, or a half, quarter or month of it.
 *
 * <p>Written as {@code 2022} (a year), {@code 2022-H1}, {@code 2022-Q3} or {@code 2022-M07}.
 *
 * @param year   the calendar year
 * @param kind   how long the period lasts
 * @param number which half, quarter or month (1-based); 1 for a year
 */
public record Period(int year, PeriodKind kind, int number) implements Comparable<Period> {

    /** Vietnam's time zone (UTC+7, no daylight saving), in which periods begin and end. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})(?:-([HQM])(\\d{1,2}))?");

    /**
     * Checks the period is well formed.
     *
     * @throws IllegalArgumentException if the year is outside 2000-2100 or the number does not fit the kind
     */
    public Period {
        if (kind == null) {
            throw new IllegalArgumentException("period kind is missing");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("period year " + year + " is outside 2000-2100");
        }
        if (number < 1 || number > kind.perYear()) {
            throw new IllegalArgumentException("period number " + number + " does not fit a "
                    + kind.name().toLowerCase() + " (1-" + kind.perYear() + ")");
        }
    }

    /**
     * @param year a calendar year
     * @return that whole year
     */
    public static Period year(int year) {
        return new Period(year, PeriodKind.YEAR, 1);
    }

    /**
     * Reads the written form.
     *
     * @param text such as {@code 2022}, {@code 2022-H1}, {@code 2022-Q3}, {@code 2022-M07}
     * @return the period
     * @throws IllegalArgumentException naming the text if it is not a period
     */
    public static Period parse(String text) {
        Matcher matcher = WRITTEN.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a period: write 2022, 2022-H1, 2022-Q3 or 2022-M07");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) == null) {
            return year(year);
        }
        PeriodKind kind = switch (matcher.group(2)) {
            case "H" -> PeriodKind.HALF;
            case "Q" -> PeriodKind.QUARTER;
            default -> PeriodKind.MONTH;
        };
        try {
            return new Period(year, kind, Integer.parseInt(matcher.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a period: " + e.getMessage(), e);
        }
    }

    /** @return the first day of the period */
    public LocalDate firstDay() {
        int monthsLong = 12 / kind.perYear();
        return LocalDate.of(year, (number - 1) * monthsLong + 1, 1);
    }

    /** @return the last day of the period */
    public LocalDate lastDay() {
        int monthsLong = 12 / kind.perYear();
        return firstDay().plusMonths(monthsLong).minusDays(1);
    }

    /**
     * @param date a day
     * @return whether the day falls inside this period
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** @return the period of the same kind that follows this one */
    public Period next() {
        return number < kind.perYear() ? new Period(year, kind, number + 1) : new Period(year + 1, kind, 1);
    }

    @Override
    public int compareTo(Period other) {
        int byStart = firstDay().compareTo(other.firstDay());
        return byStart != 0 ? byStart : other.kind.perYear() - kind.perYear();
    }

    /** @return the written form, such as {@code 2022} or {@code 2022-Q3} */
    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case MONTH -> String.format("%d-M%02d", year, number);
            default -> year + "-" + kind.letter() + number;
        };
    }
}
