package vn.congvu.modules;

import java.math.BigDecimal;

/**
 * One figure as the installed version and a candidate compute it.
 *
 * @param code           the indicator code
 * @param disaggregation the disaggregation, such as {@code level=province}
 * @param installed      the installed version's value, or null when it does not compute the figure
 * @param candidate      the candidate's value, or null when it does not compute the figure
 */
public record FigureComparison(String code, String disaggregation, BigDecimal installed, BigDecimal candidate) {

    /** @return whether the two values differ (one missing counts as a difference) */
    public boolean changed() {
        return installed == null || candidate == null ? installed != candidate : installed.compareTo(candidate) != 0;
    }
}
