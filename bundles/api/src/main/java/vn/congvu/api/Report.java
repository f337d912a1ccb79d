package vn.congvu.api;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A standardised report a province files with the ministry: its key, revision, the modules that computed
 * it and its figures.
 *
 * <p>The content hash covers the key, the modules, the figures and the findings, not the revision: filing
 * the same content again under the same revision is recognisably the same report.
 *
 * @param key      province, period and regime
 * @param revision 1 for the first filing, higher for a correction that supersedes it
 * @param modules  the rule modules that computed the figures
 * @param values   the figures, in any order (kept in canonical order)
 * @param findings the rules found broken, in any order (kept in canonical order)
 */
public record Report(ReportKey key, int revision, List<ModuleProvenance> modules, List<IndicatorValue> values,
                     List<Finding> findings) {

    /** Copies the lists into canonical order; the revision must be positive. */
    public Report {
        Objects.requireNonNull(key, "report: key is missing");
        if (revision < 1) {
            throw new IllegalArgumentException("report " + key + ": revision must be 1 or more, got " + revision);
        }
        modules = modules.stream().sorted(Comparator.comparing(ModuleProvenance::moduleId)).toList();
        values = values.stream().sorted(IndicatorValue.CANONICAL_ORDER).toList();
        findings = findings.stream().sorted(Finding.CANONICAL_ORDER).toList();
    }

    /**
     * A report without findings.
     *
     * @param key      province, period and regime
     * @param revision the revision
     * @param modules  the modules that computed it
     * @param values   the figures
     */
    public Report(ReportKey key, int revision, List<ModuleProvenance> modules, List<IndicatorValue> values) {
        this(key, revision, modules, values, List.of());
    }

    /**
     * @param revision the new revision
     * @return the same content under another revision
     */
    public Report withRevision(int revision) {
        return new Report(key, revision, modules, values, findings);
    }

    /**
     * @param code           an indicator code
     * @param disaggregation a breakdown
     * @return that figure, if the report has it
     */
    public Optional<BigDecimal> value(String code, Disaggregation disaggregation) {
        return values.stream()
                .filter(value -> value.code().equals(code) && value.disaggregation().equals(disaggregation))
                .map(IndicatorValue::value)
                .findFirst();
    }

    /**
     * @return the SHA-256 of the report's canonical form ({@link CanonicalForm}), lower-case hex
     */
    public String contentHash() {
        return CanonicalForm.sha256Hex(this);
    }
}
