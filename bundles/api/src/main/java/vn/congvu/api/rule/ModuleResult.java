package vn.congvu.api.rule;

import java.util.List;
import vn.congvu.api.IndicatorValue;

/**
 * What a rule module computed: its figures and narrative lines for the report.
 *
 * @param values    the indicator values
 * @param narrative lines of text for the report, in Vietnamese
 */
public record ModuleResult(List<IndicatorValue> values, List<String> narrative) {

    /** Copies both lists. */
    public ModuleResult {
        values = List.copyOf(values);
        narrative = List.copyOf(narrative);
    }
}
