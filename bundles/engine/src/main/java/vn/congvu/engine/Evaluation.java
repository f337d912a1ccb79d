package vn.congvu.engine;

import java.util.List;
import java.util.Optional;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * A period evaluated without filing anything.
 *
 * @param report   the report the figures make (revision 1, never stored); empty when there are problems
 * @param modules  how each rule module's evaluation went, with the version that ran
 * @param problems why no report could be made; empty when it could
 */
public record Evaluation(Optional<Report> report, List<ModuleOutcome> modules, List<Problem> problems) {

    /** Copies the lists. */
    public Evaluation {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }
}
