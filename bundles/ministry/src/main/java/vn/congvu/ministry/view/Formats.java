package vn.congvu.ministry.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.format.VietnameseNumbers;

/**
 * The one way every table writes dates, times, counts and rates: Vietnamese notation, times in Vietnam's zone
 * (UTC+7), said so.
 */
public final class Formats {

    /** Said under every table with times. */
    public static final String TIME_ZONE_NOTE = "Giờ Việt Nam (UTC+7) / times in Vietnam's time zone (UTC+7)";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);

    private Formats() {
    }

    /** @return a unit's name and code, such as {@code Thái Nguyên (19)}, by its latest version; the code if unknown */
    public static String unit(String code) {
        return Geography.official().latest(code).map(ProvincialUnit::label).orElse(code);
    }

    /** @return {@code 20/12/2023} */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** @return {@code 02/12/2026 09:47}, in Vietnam's time zone */
    public static String dateTime(Instant when) {
        return DATE_TIME.format(when);
    }

    /** @return the day it was in Vietnam at that moment */
    public static LocalDate day(Instant when) {
        return LocalDate.ofInstant(when, Period.ZONE);
    }

    /** @return a count as a cell: {@code 48.207} */
    public static Cell count(long count) {
        return Cell.number(VietnameseNumbers.count(count), BigDecimal.valueOf(count));
    }

    /** @return a number as a cell: {@code 1.234,5} */
    public static Cell decimal(BigDecimal value) {
        return Cell.number(VietnameseNumbers.decimal(value), value);
    }

    /**
     * @return a rate as a cell: {@code 99,50%}, its value the percentage rounded to 4 decimals; {@code -} with no
     *     value when the whole is zero
     */
    public static Cell percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return new Cell("-", null, null, null);
        }
        BigDecimal percentage = part.multiply(BigDecimal.valueOf(100)).divide(whole, 4, RoundingMode.HALF_UP).stripTrailingZeros();
        return Cell.number(VietnameseNumbers.percent(part, whole), percentage.scale() < 0 ? percentage.setScale(0) : percentage);
    }

    /** @return a rate of counts as a cell */
    public static Cell percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
