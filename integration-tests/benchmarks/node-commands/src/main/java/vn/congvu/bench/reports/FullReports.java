package vn.congvu.bench.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.catalog.CatalogCheck;
import vn.congvu.api.catalog.Code;
import vn.congvu.api.catalog.Constraint;
import vn.congvu.api.catalog.Dimension;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.catalog.ValueType;

/**
 * The biggest report a province files: every reported indicator of the national catalog, in total and
 * broken down by every combination of its dimensions (open dimensions, such as units, with a handful of
 * units), with figures that pass every cross-check. Each call gives a report of its own key, so a load of
 * them is stored, not answered as duplicates.
 */
public final class FullReports {

    private static final List<String> UNITS = List.of("Sở Nội vụ", "Sở Y tế", "Sở Tư pháp", "UBND huyện Hòa An",
            "UBND thành phố Cao Bằng");
    private static final List<String> RULES = List.of("QD522.dieu3", "QD522.dieu4", "QD522.dieu5");
    private static final List<ModuleProvenance> MODULES = List.of(
            new ModuleProvenance("bench.full-report", "1.0.0", "0".repeat(64)));

    private FullReports() {
    }

    /**
     * @param provinceCode the province's official code
     * @param period       a period before July 2025 (when two discipline forms end)
     * @return a full report, revision 1, that passes the catalog's checks
     */
    public static Report of(String provinceCode, Period period) {
        Map<String, String> smallerOf = new HashMap<>();
        for (Constraint constraint : NationalCatalog.constraints()) {
            if (constraint.kind() == Constraint.Kind.AT_MOST) {
                smallerOf.put(constraint.smaller(), constraint.larger());
            }
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (Indicator indicator : NationalCatalog.indicators()) {
            if (!indicator.reported()) {
                continue;
            }
            for (Disaggregation disaggregation : breakdowns(indicator.dimensions())) {
                values.add(new IndicatorValue(indicator.code(), disaggregation, BigDecimal.valueOf(
                        value(indicator, disaggregation, smallerOf.containsKey(indicator.code())))));
            }
        }
        Report report = new Report(new ReportKey(provinceCode, period, Regime.PERIODIC), 1, MODULES, values, List.of());
        if (!CatalogCheck.check(report).isEmpty()) {
            throw new IllegalStateException("the full report of " + provinceCode + " " + period + " breaks the catalog: "
                    + CatalogCheck.check(report));
        }
        return report;
    }

    private static long value(Indicator indicator, Disaggregation disaggregation, boolean smallerSide) {
        if (indicator.valueType() == ValueType.RANK) {
            return 17;
        }
        boolean byGrade = disaggregation.code("grade") != null;
        if (indicator.code().equals(vn.congvu.api.CoreIndicators.STAFF_RATED_BY_GRADE) && byGrade) {
            return 250; // four grades add up to the 1000 rated of the same breakdown
        }
        if (indicator.code().equals(vn.congvu.api.CoreIndicators.STAFF_RATED)) {
            return 1000; // the catalog's check sums the by-grade total over grade too
        }
        return smallerSide ? 600 : 1000;
    }

    /** The total and every full combination of the dimensions' codes. */
    private static List<Disaggregation> breakdowns(List<String> dimensions) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(Map.of());
        for (String name : dimensions) {
            Dimension dimension = NationalCatalog.dimension(name).orElseThrow();
            List<String> codes = dimension.open() ? (name.equals(vn.congvu.api.CoreIndicators.UNIT) ? UNITS : RULES)
                    : dimension.codes().stream().map(Code::code).toList();
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String code : codes) {
                    Map<String, String> next = new HashMap<>(combination);
                    next.put(name, code);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        List<Disaggregation> breakdowns = new ArrayList<>();
        if (!dimensions.isEmpty()) {
            breakdowns.add(Disaggregation.TOTAL);
        }
        combinations.forEach(combination -> breakdowns.add(new Disaggregation(combination)));
        return breakdowns;
    }
}
