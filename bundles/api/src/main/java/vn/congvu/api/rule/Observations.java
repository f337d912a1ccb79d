package vn.congvu.api.rule;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;

/**
 * Turns inspection observations of a province's conduct rules into figures (observations and violations
 * per rule and unit, and how many units were checked) and findings (each rule broken at a unit, and how
 * often): the whole evaluation of a conduct-code module.
 */
public final class Observations {

    private Observations() {
    }

    /**
     * Evaluates the observations made in the period of rules whose code starts with a prefix.
     *
     * @param context      the evaluation
     * @param rulePrefix   the province's rule prefix, such as {@code hanoi.}
     * @param ruleLabels   the finding's message for each rule broken, in Vietnamese
     * @param severity     how serious a broken rule is
     * @param unitsChecked the module's extension indicator counting the units checked
     * @return the figures and the findings, one per rule and unit where the rule was broken
     */
    public static ModuleResult evaluate(EvaluationContext context, String rulePrefix, Function<String, String> ruleLabels,
                                        Finding.Severity severity, String unitsChecked) {
        Tally tally = new Tally();
        java.util.List<Finding> findings = tally(context, rulePrefix, ruleLabels, severity, tally);
        tally.add(unitsChecked, Disaggregation.TOTAL, unitsObserved(tally));
        return new ModuleResult(tally.values(), findings, java.util.List.of());
    }

    private static java.util.List<Finding> tally(EvaluationContext context, String rulePrefix,
                                                 Function<String, String> ruleLabels, Finding.Severity severity, Tally tally) {
        Map<String, long[]> broken = new TreeMap<>();
        context.forEachRecord(RecordTypes.INSPECTION_OBSERVATION.name(), observation -> {
            String rule = observation.text("rule");
            if (!rule.startsWith(rulePrefix) || !context.period().contains(observation.date("date"))) {
                return;
            }
            long times = times(observation);
            Disaggregation where = new Disaggregation(Map.of(CoreIndicators.RULE, rule, CoreIndicators.UNIT,
                    observation.text("unit")));
            tally.add(CoreIndicators.CONDUCT_OBSERVATIONS, where, times);
            if ("broken".equals(observation.text("outcome"))) {
                tally.add(CoreIndicators.CONDUCT_VIOLATIONS, where, times);
                broken.computeIfAbsent(rule + "\t" + observation.text("unit"), key -> new long[1])[0] += times;
            } else {
                tally.zero(CoreIndicators.CONDUCT_VIOLATIONS, where);
            }
        });
        java.util.List<Finding> findings = new java.util.ArrayList<>();
        broken.forEach((ruleAndUnit, times) -> {
            String[] parts = ruleAndUnit.split("\t");
            findings.add(new Finding(parts[0], parts[1], times[0], severity, ruleLabels.apply(parts[0])));
        });
        return findings;
    }

    private static long unitsObserved(Tally tally) {
        return tally.values().stream().filter(value -> value.code().equals(CoreIndicators.CONDUCT_OBSERVATIONS))
                .map(value -> value.disaggregation().code(CoreIndicators.UNIT)).distinct().count();
    }

    private static long times(Record observation) {
        Long count = observation.integer("count");
        return count == null ? 1 : count;
    }
}
