package vn.congvu.proto;

import java.util.List;
import java.util.Optional;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Report;

/**
 * A report message read into the domain model: either the report, or the problems that kept it from
 * being read.
 *
 * @param report       the report, present only when there are no problems
 * @param problems     the problems kept in full (the first ones found); empty when the report was read
 * @param problemCount how many problems were found in all, kept or not
 */
public record DecodedReport(Optional<Report> report, List<Problem> problems, int problemCount) {

    /** Copies the problems; a report and problems never come together. */
    public DecodedReport {
        problems = List.copyOf(problems);
        if (report.isPresent() == (problemCount > 0) || problemCount < problems.size()) {
            throw new IllegalArgumentException("a decoded report has either a report or problems");
        }
    }

    /**
     * @param report a report read without problems
     * @return it, decoded
     */
    public static DecodedReport read(Report report) {
        return new DecodedReport(Optional.of(report), List.of(), 0);
    }

    /**
     * @param problems the problems found, at least one
     * @return the refusal
     */
    public static DecodedReport refused(Problems problems) {
        return new DecodedReport(Optional.empty(), problems.kept(), problems.count());
    }
}
