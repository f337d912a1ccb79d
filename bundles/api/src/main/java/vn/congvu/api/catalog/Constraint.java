package vn.congvu.api.catalog;

import java.util.Objects;

/**
 * A cross-check between two indicators that every report must pass, breakdown by breakdown.
 *
 * @param kind    which comparison
 * @param smaller for AT_MOST: the indicator that may not exceed; for SUM_OVER: the detailed indicator
 * @param larger  for AT_MOST: the indicator it may not exceed; for SUM_OVER: the total it must add up to
 * @param over    for SUM_OVER: the dimension the detailed indicator adds up over (else null)
 * @param labelVi the check, in Vietnamese
 */
public record Constraint(Kind kind, String smaller, String larger, String over, String labelVi) {

    /** The comparisons a constraint makes. */
    public enum Kind {
        /** smaller ≤ larger for every breakdown both have. */
        AT_MOST,
        /** smaller, summed over one dimension, equals larger for the remaining breakdown. */
        SUM_OVER
    }

    /** @throws NullPointerException naming the part that is missing */
    public Constraint {
        Objects.requireNonNull(kind, "constraint: kind is missing");
        Objects.requireNonNull(smaller, "constraint: first indicator is missing");
        Objects.requireNonNull(larger, "constraint: second indicator is missing");
        if ((kind == Kind.SUM_OVER) != (over != null)) {
            throw new IllegalArgumentException("constraint " + smaller + "/" + larger + ": SUM_OVER, and only it, names a dimension");
        }
    }
}
