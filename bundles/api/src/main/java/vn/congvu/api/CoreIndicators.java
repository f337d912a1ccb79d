package vn.congvu.api;

import java.util.List;
import java.util.Optional;

/**
 * The national core indicators (the first part of the national catalog).
 *
 * <p>Rates are never stored: the on-time rate is {@link #DOSSIER_RESOLVED_ON_TIME} over
 * {@link #DOSSIER_RESOLVED}, recomputed from the parts wherever it is shown.
 */
public final class CoreIndicators {

    /** Dossiers (hồ sơ TTHC) resolved in the period, by level. */
    public static final String DOSSIER_RESOLVED = "dossier.resolved";
    /** Dossiers resolved before or on their due date, by level. */
    public static final String DOSSIER_RESOLVED_ON_TIME = "dossier.resolved.on_time";
    /** Dossiers resolved after their due date, by level. */
    public static final String DOSSIER_RESOLVED_LATE = "dossier.resolved.late";

    private static final List<IndicatorDefinition> DEFINITIONS = List.of(
            new IndicatorDefinition(DOSSIER_RESOLVED, "Hồ sơ TTHC đã giải quyết", "Dossiers resolved",
                    "hồ sơ", List.of(AdministrativeLevel.DIMENSION)),
            new IndicatorDefinition(DOSSIER_RESOLVED_ON_TIME, "Hồ sơ TTHC giải quyết trước, đúng hạn",
                    "Dossiers resolved on time", "hồ sơ", List.of(AdministrativeLevel.DIMENSION)),
            new IndicatorDefinition(DOSSIER_RESOLVED_LATE, "Hồ sơ TTHC giải quyết trễ hạn",
                    "Dossiers resolved late", "hồ sơ", List.of(AdministrativeLevel.DIMENSION)));

    private CoreIndicators() {
    }

    /** @return every core indicator definition */
    public static List<IndicatorDefinition> definitions() {
        return DEFINITIONS;
    }

    /**
     * @param code an indicator code
     * @return its definition, if it is a core indicator
     */
    public static Optional<IndicatorDefinition> definition(String code) {
        return DEFINITIONS.stream().filter(definition -> definition.code().equals(code)).findFirst();
    }
}
