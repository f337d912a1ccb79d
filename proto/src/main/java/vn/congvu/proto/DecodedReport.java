package vn.congvu.proto;

import java.util.List;
import java.util.Optional;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * A report message read into the domain model: either the report, or every problem that kept it from
 * being read.
 *
 * @param report   the report, present only when there are no problems
 * @param problems every problem found; empty when the report was read
 */
public record DecodedReport(Optional<Report> report, List<Problem> problems) {

    /** Copies the problems; a report and problems never come together. */
    public DecodedReport {
        problems = List.copyOf(problems);
        if (report.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a decoded report has either a report or problems");
        }
    }
}
