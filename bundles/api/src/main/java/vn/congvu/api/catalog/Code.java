package vn.congvu.api.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One code of a code list, with the days it is valid for: the law changes code lists on fixed days, and a
 * report uses the codes valid in its period.
 *
 * @param code       the code, such as {@code reprimand}
 * @param labelVi    the Vietnamese label, such as {@code khiển trách}
 * @param validFrom  the first day it is valid, or null for always
 * @param validUntil the last day it is valid, or null while in force
 */
public record Code(String code, String labelVi, LocalDate validFrom, LocalDate validUntil) {

    /** @throws NullPointerException naming the part that is missing */
    public Code {
        Objects.requireNonNull(code, "code: code is missing");
        Objects.requireNonNull(labelVi, "code " + code + ": label is missing");
    }

    /**
     * @param code    the code
     * @param labelVi its Vietnamese label
     * @return a code valid on every day
     */
    public static Code of(String code, String labelVi) {
        return new Code(code, labelVi, null, null);
    }

    /**
     * @param first the first day of a period
     * @param last  its last day
     * @return whether the code is valid on some day of the period
     */
    public boolean validDuring(LocalDate first, LocalDate last) {
        return (validFrom == null || !validFrom.isAfter(last)) && (validUntil == null || !validUntil.isBefore(first));
    }
}
