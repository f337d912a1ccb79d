package vn.congvu.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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

    /** @return the SHA-256 of the canonical form of key, modules and figures, lower-case hex */
    public String contentHash() {
        List<String> lines = new ArrayList<>();
        lines.add("key\t" + key.provinceCode() + "\t" + key.period() + "\t" + key.regime());
        modules.forEach(module -> lines.add(
                "module\t" + module.moduleId() + "\t" + module.version() + "\t" + module.jarSha256()));
        values.forEach(value -> lines.add("value\t" + value.code() + "\t" + value.disaggregation()
                + "\t" + value.value().stripTrailingZeros().toPlainString()));
        findings.forEach(finding -> lines.add("finding\t" + finding.ruleId() + "\t" + finding.unit() + "\t"
                + finding.count() + "\t" + finding.severity() + "\t" + finding.message()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
