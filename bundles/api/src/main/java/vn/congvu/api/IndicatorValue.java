package vn.congvu.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * One figure of a report: an indicator, the breakdown it belongs to, and its value.
 *
 * @param code           the indicator code, such as {@code dossier.resolved}
 * @param disaggregation the breakdown, or {@link Disaggregation#TOTAL}
 * @param value          the value; counts are whole numbers
 */
public record IndicatorValue(String code, Disaggregation disaggregation, BigDecimal value) {

    /** Orders values by code, then breakdown: the canonical order of a report. */
    public static final Comparator<IndicatorValue> CANONICAL_ORDER =
            Comparator.comparing(IndicatorValue::code).thenComparing(IndicatorValue::disaggregation);

    /**
     * Keeps the value in its shortest exact form (48447, not 48447.000000), so that equal figures are equal
     * whatever scale they were written with.
     *
     * @throws NullPointerException naming the part that is missing
     */
    public IndicatorValue {
        Objects.requireNonNull(code, "indicator value: code is missing");
        Objects.requireNonNull(disaggregation, "indicator value " + code + ": disaggregation is missing");
        Objects.requireNonNull(value, "indicator value " + code + ": value is missing");
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /**
     * @param code           the indicator code
     * @param disaggregation the breakdown
     * @param count          a whole number
     * @return the value
     */
    public static IndicatorValue count(String code, Disaggregation disaggregation, long count) {
        return new IndicatorValue(code, disaggregation, BigDecimal.valueOf(count));
    }
}
