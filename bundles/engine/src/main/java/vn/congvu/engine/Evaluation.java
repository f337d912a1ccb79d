package vn.congvu.engine;

import java.util.List;
import java.util.Optional;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * A period evaluated without filing anything.
 *
 * @param report   the report the figures make (revision 1, never stored); empty when there are problems
 * @param modules  how each rule module's evaluation went, with the version that ran
 * @param problems why no report could be made; empty when it could
 * @param figures  the figures the modules computed, also when the report they make would be refused (by the
 *                 catalog check, say), so that a dry run can show what a candidate computes and why it would
 *                 not file; empty when a module failed
 */
public record Evaluation(Optional<Report> report, List<ModuleOutcome> modules, List<Problem> problems,
                         List<IndicatorValue> figures) {

    /** Copies the lists. */
    public Evaluation {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
        figures = List.copyOf(figures);
    }

    /**
     * An evaluation whose figures are those of its report.
     *
     * @param report   the report, or empty
     * @param modules  how each module's evaluation went
     * @param problems why no report could be made
     */
    public Evaluation(Optional<Report> report, List<ModuleOutcome> modules, List<Problem> problems) {
        this(report, modules, problems, report.map(Report::values).orElse(List.of()));
    }
}
