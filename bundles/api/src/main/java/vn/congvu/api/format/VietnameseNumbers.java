package vn.congvu.api.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Writes figures the way Vietnamese reports do: a dot groups thousands, a comma marks decimals
 * ({@code 48.207}, {@code 99,50%}).
 */
public final class VietnameseNumbers {

    private VietnameseNumbers() {
    }

    /**
     * @param count a whole number
     * @return it with dots between thousands, such as {@code 145.494}
     */
    public static String count(long count) {
        return format(BigDecimal.valueOf(count), "#,##0");
    }

    /**
     * @param value a number
     * @return it with dots between thousands and up to two decimals after a comma
     */
    public static String decimal(BigDecimal value) {
        return format(value, "#,##0.##");
    }

    /**
     * A rate written as a percentage with two decimals, rounded half up as reports do.
     *
     * @param part  the numerator, such as dossiers resolved on time
     * @param whole the denominator, such as dossiers resolved
     * @return such as {@code 99,50%}, or {@code -} when the whole is zero
     */
    public static String percent(BigDecimal part, BigDecimal whole) {
        return percent(part, whole, 2);
    }

    /**
     * A share as a percentage with the given number of decimals, as a document states it.
     *
     * @param part     the numerator
     * @param whole    the denominator
     * @param decimals 0 to 4 decimals
     * @return such as {@code 6,7%} with one decimal, or {@code -} when the whole is zero
     * @throws IllegalArgumentException if decimals is outside 0 to 4
     */
    public static String percent(BigDecimal part, BigDecimal whole, int decimals) {
        if (decimals < 0 || decimals > 4) {
            throw new IllegalArgumentException("a percentage is shown with 0 to 4 decimals, not " + decimals);
        }
        if (whole.signum() == 0) {
            return "-";
        }
        BigDecimal percent = part.multiply(BigDecimal.valueOf(100)).divide(whole, decimals, RoundingMode.HALF_UP);
        return format(percent, decimals == 0 ? "0" : "0." + "0".repeat(decimals)) + "%";
    }

    private static String format(BigDecimal value, String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
