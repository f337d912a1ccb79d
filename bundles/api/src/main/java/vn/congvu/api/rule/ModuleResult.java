package vn.congvu.api.rule;

import java.util.List;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;

/**
 * What a rule module computed: its figures, the rules it found broken, and narrative lines for the report.
 * <pre>{@code
 * return new ModuleResult(tally.values(),
 *         List.of(new Finding("laocai.feedback.late", "-", 3, Finding.Severity.WARNING,
 *                 "Phản ánh, kiến nghị xử lý quá 10 ngày")),
 *         List.of("Đã xử lý 42 phản ánh, kiến nghị trong 10 ngày."));
 * }</pre>
 *
 * @param values    the indicator values: each code one the module's descriptor
 *                  {@linkplain ModuleDescriptor#produces() produces}, each (code, breakdown) at most once
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
