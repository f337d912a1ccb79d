package vn.congvu.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * A rule found broken: which rule, where, how often and how seriously. A staff member is never named.
 * <pre>{@code
 * // Hà Nội's conduct rule 3 broken twice at one department, to correct
 * new Finding("hanoi.conduct.r3", "Sở Tư pháp", 2, Finding.Severity.WARNING, "Không đeo thẻ công chức");
 * // province-wide
 * new Finding("laocai.feedback.late", "-", 5, Finding.Severity.INFO, "Phản ánh, kiến nghị xử lý quá 10 ngày");
 * }</pre>
 * Within one report, a rule and unit is found by one module only: two modules reporting the same rule id at the
 * same unit make the report refused ({@code finding.reported_twice}). Findings are listed on the report and
 * counted at the ministry; they are not indicator values.
 *
 * @param ruleId   the rule, as {@code <module prefix>.<rule>} (such as {@code hanoi.conduct.r3} from a module
 *                 {@code hanoi.*}) or a national rule such as {@code decree48.rated-while-disciplined}: letters,
 *                 digits and {@code . _ : -}
 * @param unit     the agency or unit where it was found, or {@code -} when province-wide
 * @param count    how many times, 1 or more
 * @param severity how serious
 * @param message  what was found, in Vietnamese
 */
public record Finding(String ruleId, String unit, long count, Severity severity, String message) {

    /** Orders findings by rule, then unit: the canonical order of a report. */
    public static final Comparator<Finding> CANONICAL_ORDER =
            Comparator.comparing(Finding::ruleId).thenComparing(Finding::unit);

    /** How serious a finding is. */
    public enum Severity {
        /** Worth noting. */
        INFO,
        /** A rule broken; to correct. */
        WARNING,
        /** A rule broken that calls for action by the province (discipline, correction of records). */
        SERIOUS
    }

    /**
     * Checks the parts.
     *
     * @throws NullPointerException     naming the part that is missing
     * @throws IllegalArgumentException if the count is not positive
     */
    public Finding {
        Objects.requireNonNull(ruleId, "finding: rule id is missing");
        Objects.requireNonNull(unit, "finding " + ruleId + ": unit is missing");
        Objects.requireNonNull(severity, "finding " + ruleId + ": severity is missing");
        Objects.requireNonNull(message, "finding " + ruleId + ": message is missing");
        if (count < 1) {
            throw new IllegalArgumentException("finding " + ruleId + ": count must be 1 or more, got " + count);
        }
    }
}
