package vn.congvu.api.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;

/**
 * Counts per indicator and breakdown, for a rule module to turn records into figures. A figure declared
 * with {@link #zero} is reported even when nothing was counted: a real zero, not a missing figure.
 * <pre>{@code
 * Tally tally = new Tally()
 *         .zero(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL);          // reported as 0 if none
 * context.forEachRecord(RecordTypes.DOSSIER.name(), dossier -> {
 *     if (context.period().contains(dossier.date("resolved"))) {
 *         tally.increment(CoreIndicators.DOSSIER_RESOLVED,
 *                 Disaggregation.of(CoreIndicators.LEVEL, dossier.text("level")));   // level=commune, ...
 *     }
 * });
 * return new ModuleResult(tally.values(), List.of());
 * }</pre>
 * A tally is not thread-safe: use one per call of {@link RuleModule#evaluate}.
 */
public final class Tally {

    private final Map<String, Map<Disaggregation, Long>> counts = new TreeMap<>();

    /**
     * @param code           an indicator code
     * @param disaggregation a breakdown
     * @param count          how many to add
     * @return this tally
     */
    public Tally add(String code, Disaggregation disaggregation, long count) {
        counts.computeIfAbsent(code, any -> new TreeMap<>()).merge(disaggregation, count, Long::sum);
        return this;
    }

    /**
     * @param code           an indicator code
     * @param disaggregation a breakdown
     * @return this tally, with one more
     */
    public Tally increment(String code, Disaggregation disaggregation) {
        return add(code, disaggregation, 1);
    }

    /**
     * Makes sure the figure is reported, as zero if nothing is counted.
     *
     * @param code           an indicator code
     * @param disaggregation a breakdown
     * @return this tally
     */
    public Tally zero(String code, Disaggregation disaggregation) {
        return add(code, disaggregation, 0);
    }

    /**
     * @param code           an indicator code
     * @param disaggregation a breakdown
     * @return what was counted, 0 if nothing
     */
    public long get(String code, Disaggregation disaggregation) {
        return counts.getOrDefault(code, Map.of()).getOrDefault(disaggregation, 0L);
    }

    /** @return every figure counted or declared, as counts, in canonical order (by code, then breakdown) */
    public List<IndicatorValue> values() {
        List<IndicatorValue> values = new ArrayList<>();
        counts.forEach((code, byBreakdown) -> byBreakdown.forEach((disaggregation, count) ->
                values.add(IndicatorValue.count(code, disaggregation, count))));
        return values;
    }
}
