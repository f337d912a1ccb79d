package vn.congvu.ministry.view;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a periodic report's figures are cut off and when it is due.
 *
 * @param cutOff the last day its figures count (Nghị định 09/2019/NĐ-CP, Điều 12: day 14 of the period's last month)
 * @param due    the last day it may reach the ministry on time
 */
public record Deadline(LocalDate cutOff, LocalDate due) {

    /** @throws IllegalArgumentException if it is due before its cut-off */
    public Deadline {
        Objects.requireNonNull(cutOff, "deadline: cut-off is missing");
        Objects.requireNonNull(due, "deadline: due date is missing");
        if (due.isBefore(cutOff)) {
            throw new IllegalArgumentException("a report cannot be due (" + due + ") before its cut-off (" + cutOff + ")");
        }
    }
}
