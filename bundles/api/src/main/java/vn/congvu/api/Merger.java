package vn.congvu.api;

import java.time.LocalDate;

/**
 * A provincial-level unit merged into another: from {@code effective} on, the predecessor's territory is the
 * successor's, and the predecessor's code is no longer in force.
 *
 * @param predecessor the code of the unit that ceased
 * @param successor   the code of the unit it became part of
 * @param effective   the first day of the merged unit
 * @param act         the act that merged them
 */
public record Merger(String predecessor, String successor, LocalDate effective, String act) {
}
