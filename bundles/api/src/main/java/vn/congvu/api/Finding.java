package vn.congvu.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * A rule found broken: which rule, where, how often and how seriously. A staff member is never named.
 *
 * @param ruleId   the rule, as {@code <module prefix>.<rule>} or a national rule such as {@code decree48.rated-while-disciplined}
 * @param unit     the agency or unit where it was found, or {@code -} when province-wide
 * @param count    how many times
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

    /** @throws IllegalArgumentException if the count is not positive */
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
