package vn.congvu.api.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An indicator of the national catalog.
 *
 * @param code        the code, such as {@code dossier.resolved}
 * @param labelVi     the Vietnamese label
 * @param labelEn     the English label
 * @param unit        the unit, in Vietnamese (hồ sơ, người, cuộc, ...)
 * @param valueType   what kind of number it is
 * @param dimensions  the names of the dimensions it may break down by
 * @param aggregation how provinces' values combine
 * @param numerator   for a RATIO: the indicator counted (else null)
 * @param denominator for a RATIO: the indicator it is counted out of (else null)
 */
public record Indicator(String code, String labelVi, String labelEn, String unit, ValueType valueType,
                        List<String> dimensions, Aggregation aggregation, String numerator, String denominator) {

    /** Copies the dimensions; a RATIO names both its parts. */
    public Indicator {
        Objects.requireNonNull(code, "indicator: code is missing");
        dimensions = List.copyOf(dimensions);
        if ((aggregation == Aggregation.RATIO) != (numerator != null && denominator != null)) {
            throw new IllegalArgumentException("indicator " + code + ": a RATIO, and only a RATIO, names its numerator and denominator");
        }
    }

    /**
     * A count a province module defines for itself (an extension indicator), not broken down. The module lists
     * it in its descriptor's {@code produces} and {@code extensions}:
     * <pre>{@code
     * Indicator.extensionCount("laocai.feedback.resolved_within_10_days", "Phản ánh, kiến nghị xử lý trong 10 ngày",
     *         "Feedback resolved within 10 days", "phản ánh, kiến nghị")
     * }</pre>
     *
     * @param code    {@code <module prefix>.<name>}: the module id's first segment, a dot, then a name of letters,
     *                digits and {@code . _ : -} (such as {@code laocai.feedback.resolved_within_10_days} for the
     *                module {@code laocai.feedback-timeliness})
     * @param labelVi the Vietnamese label
     * @param labelEn the English label
     * @param unit    the unit, in Vietnamese
     * @return the definition; provinces' values of it are not added up nationally
     */
    public static Indicator extensionCount(String code, String labelVi, String labelEn, String unit) {
        return new Indicator(code, labelVi, labelEn, unit, ValueType.COUNT, List.of(), Aggregation.NONE, null, null);
    }

    /** @return whether provinces report it (a RATIO is derived from its parts, never reported) */
    public boolean reported() {
        return aggregation != Aggregation.RATIO;
    }
}
