package vn.congvu.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a provincial-level unit: its code, name and kind over the days they held. A code keeps its number
 * across a change of name, kind or territory (Yên Bái's 15 is Lào Cai's from 1 July 2025), so a unit may have
 * several versions; one that ceased is the predecessor in a {@link Merger}.
 *
 * @param code      the official two-digit code
 * @param name      the Vietnamese name
 * @param kind      tỉnh or thành phố trực thuộc trung ương
 * @param validFrom the first day of this version, or {@code null} if it held before congvu's records begin
 * @param validTo   the last day of this version, or {@code null} if it is in force
 * @param act       the act that made this version, or empty
 */
public record ProvincialUnit(String code, String name, UnitKind kind, LocalDate validFrom, LocalDate validTo, String act) {

    /** @throws NullPointerException if code, name, kind or act is missing */
    public ProvincialUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(act, "act");
    }

    /** @return whether this version held on the day */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** @return the name and code, as reports and refusals show them: "Bắc Kạn (06)" */
    public String label() {
        return name + " (" + code + ")";
    }
}
