package vn.congvu.engine.internal;

import java.time.LocalDate;
import java.util.Optional;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;

/**
 * Which periods may be filed today. A period that has not begun has no records yet: a report on it would be
 * empty, and the ministry refuses it; refusing here tells the operator at once, before anything is queued.
 * Today is the date in Vietnam, whatever zone the node's machine is set to.
 */
final class FilingCalendar {

    /** The rule code of the refusal. */
    static final String NOT_BEGUN = "period.not_begun";

    private FilingCalendar() {
    }

    /**
     * @param period the period to file
     * @param today  today's date in Vietnam
     * @return why it may not be filed, if it has not begun
     */
    static Optional<Problem> notBegun(Period period, LocalDate today) {
        if (!period.firstDay().isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(Problem.permanent("period", NOT_BEGUN,
                "Kỳ " + period + " chưa bắt đầu (bắt đầu ngày " + period.firstDay() + ", hôm nay là " + today
                        + " theo giờ Việt Nam): không nộp báo cáo cho kỳ chưa bắt đầu",
                "period " + period + " has not begun (it begins on " + period.firstDay() + "; today is " + today
                        + " in Vietnam): a report is never filed for a period that has not begun"));
    }

    /**
     * @param provinceCode this node's province
     * @param period       the period to file
     * @param today        today's date in Vietnam
     * @return why this node may not file the period: not begun, or its unit was not in force on the period's last
     *     day (merged into another, which reports it: {@link Geography})
     */
    static Optional<Problem> problem(String provinceCode, Period period, LocalDate today) {
        Optional<Problem> notBegun = notBegun(period, today);
        return notBegun.isPresent() ? notBegun : Geography.official().reportingProblem(provinceCode, period);
    }
}
