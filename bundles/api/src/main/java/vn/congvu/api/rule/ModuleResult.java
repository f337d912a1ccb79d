package vn.congvu.api.rule;

import java.util.List;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;

/**
 * What a rule module computed: its figures, the rules it found broken, and narrative lines for the report.
 *
 * @param values    the indicator values
 * @param findings  the rules found broken (where, how often, how seriously)
 * @param narrative lines of text for the report, in Vietnamese
 */
public record ModuleResult(List<IndicatorValue> values, List<Finding> findings, List<String> narrative) {

    /** Copies the lists. */
    public ModuleResult {
        values = List.copyOf(values);
        findings = List.copyOf(findings);
        narrative = List.copyOf(narrative);
    }

    /**
     * A result without findings.
     *
     * @param values    the indicator values
     * @param narrative lines of text for the report
     */
    public ModuleResult(List<IndicatorValue> values, List<String> narrative) {
        this(values, List.of(), narrative);
    }
}
