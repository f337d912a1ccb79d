package vn.congvu.api;

import java.util.Objects;

/**
 * One thing wrong with a report or a file: where, which rule, what in Vietnamese and English, and whether
 * trying again later can help. Refusals list every problem at once.
 *
 * @param field     the field, indicator, file or line at fault
 * @param rule      the rule broken, as a stable code such as {@code province.unknown}
 * @param messageVi what is wrong, in Vietnamese
 * @param messageEn what is wrong, in English
 * @param retryable whether sending the same thing again later can succeed
 */
public record Problem(String field, String rule, String messageVi, String messageEn, boolean retryable) {

    /** @throws NullPointerException naming the part that is missing */
    public Problem {
        Objects.requireNonNull(field, "problem: field is missing");
        Objects.requireNonNull(rule, "problem: rule is missing");
        Objects.requireNonNull(messageVi, "problem: Vietnamese message is missing");
        Objects.requireNonNull(messageEn, "problem: English message is missing");
    }

    /**
     * A problem that sending the same thing again cannot fix.
     *
     * @param field     the field at fault
     * @param rule      the rule broken
     * @param messageVi what is wrong, in Vietnamese
     * @param messageEn what is wrong, in English
     * @return the problem
     */
    public static Problem permanent(String field, String rule, String messageVi, String messageEn) {
        return new Problem(field, rule, messageVi, messageEn, false);
    }

    @Override
    public String toString() {
        return field + ": " + messageEn + " [" + rule + "]";
    }
}
