package vn.congvu.ministry.internal.views;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Deadline;
import vn.congvu.ministry.view.Formats;
import vn.congvu.store.Filing;
import vn.congvu.store.Refusal;

/**
 * Where one unit stands for one period: filed on time or late (by how many days), refused, missing, not yet due,
 * or filed for a period the calendar does not expect. Decided by the first revision's acceptance: a later revision
 * corrects a report, it does not make it late.
 *
 * @param status   the state
 * @param daysLate for a late report, the days after the due date it was first accepted
 * @param filing   what is stored, if anything
 * @param refusal  the latest refusal, if any
 * @param deadline the deadline, if the calendar expects the period
 */
record Timeliness(Status status, long daysLate, Filing filing, Refusal refusal, Deadline deadline) {

    /** The states, each with the word the console styles it by and its Vietnamese label. */
    enum Status {
        ON_TIME("on-time", "Đúng hạn"),
        LATE("late", "Trễ hạn"),
        REFUSED("refused", "Bị từ chối"),
        MISSING("missing", "Chưa nộp"),
        NOT_DUE("not-due", "Chưa đến hạn"),
        UNSCHEDULED("unscheduled", "Đã nộp (ngoài lịch)");

        final String style;
        final String label;

        Status(String style, String label) {
            this.style = style;
            this.label = label;
        }
    }

    /**
     * @return where the unit stands, or empty when the period is not expected of it and nothing came
     */
    static Optional<Timeliness> of(Filing filing, Refusal refusal, Optional<Deadline> deadline, LocalDate today) {
        Deadline due = deadline.orElse(null);
        if (filing != null) {
            if (due == null) {
                return Optional.of(new Timeliness(Status.UNSCHEDULED, 0, filing, refusal, null));
            }
            long late = ChronoUnit.DAYS.between(due.due(), Formats.day(filing.firstAcceptedAt()));
            return Optional.of(new Timeliness(late > 0 ? Status.LATE : Status.ON_TIME, Math.max(late, 0), filing, refusal, due));
        }
        if (refusal != null) {
            return Optional.of(new Timeliness(Status.REFUSED, 0, null, refusal, due));
        }
        if (due == null) {
            return Optional.empty();
        }
        return Optional.of(new Timeliness(today.isAfter(due.due()) ? Status.MISSING : Status.NOT_DUE, 0, null, null, due));
    }

    /** @return the cell a person reads: {@code Trễ 12 ngày (02/01/2024), lần 2}, styled by its state */
    Cell cell() {
        String text = switch (status) {
            case ON_TIME -> "Đúng hạn (" + Formats.date(Formats.day(filing.firstAcceptedAt())) + ")";
            case LATE -> "Trễ " + VietnameseNumbers.count(daysLate) + " ngày (" + Formats.date(Formats.day(filing.firstAcceptedAt())) + ")";
            case UNSCHEDULED -> "Đã nộp (" + Formats.date(Formats.day(filing.firstAcceptedAt())) + ")";
            case REFUSED -> "Bị từ chối (" + VietnameseNumbers.count(refusal.problemCount()) + " vấn đề)";
            case MISSING -> "Chưa nộp";
            case NOT_DUE -> "Chưa đến hạn (" + Formats.date(deadline.due()) + ")";
        };
        if (filing != null && filing.revisions() > 1) {
            // the earlier revisions are superseded by the latest
            text += ", đã sửa: lần " + filing.latestRevision();
        }
        return new Cell(text, status.name(), null, status.style);
    }
}
