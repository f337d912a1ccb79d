package vn.congvu.modules;

import java.util.List;
import vn.congvu.api.Period;

/**
 * A candidate jar evaluated against a past period beside the installed version.
 *
 * @param symbolicName     the rule bundle
 * @param installedVersion the version installed, or null when none is
 * @param candidateVersion the candidate jar's version
 * @param period           the period evaluated
 * @param figures          every figure either version computes, with both values
 * @param problems         why either evaluation gave no report (such as a module that failed), prefixed by
 *                         which side; empty when both did
 */
public record DryRun(String symbolicName, String installedVersion, String candidateVersion, Period period,
                     List<FigureComparison> figures, List<String> problems) {

    /** Copies the lists. */
    public DryRun {
        figures = List.copyOf(figures);
        problems = List.copyOf(problems);
    }

    /** @return the figures that differ */
    public List<FigureComparison> changes() {
        return figures.stream().filter(FigureComparison::changed).toList();
    }
}
