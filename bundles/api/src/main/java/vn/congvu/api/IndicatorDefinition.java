package vn.congvu.api;

import java.util.List;
import java.util.Objects;

/**
 * An indicator of the national catalog: what a code means and how it is broken down.
 *
 * @param code       the code, such as {@code dossier.resolved}
 * @param labelVi    the Vietnamese label
 * @param labelEn    the English label
 * @param unit       the unit, such as {@code hồ sơ} (dossiers)
 * @param dimensions the names of the dimensions its values may be broken down by
 */
public record IndicatorDefinition(String code, String labelVi, String labelEn, String unit, List<String> dimensions) {

    /** @throws NullPointerException naming the part that is missing */
    public IndicatorDefinition {
        Objects.requireNonNull(code, "indicator definition: code is missing");
        dimensions = List.copyOf(dimensions);
    }
}
