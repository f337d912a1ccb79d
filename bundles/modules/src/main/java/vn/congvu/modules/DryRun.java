package vn.congvu.modules;

import java.util.List;
import vn.congvu.api.Period;

/**
 * A candidate jar evaluated against a past period beside the installed version.
 *
 * @param symbolicName      the rule bundle
 * @param installedVersion  the version installed, or null when none is
 * @param candidateVersion  the candidate jar's version
 * @param period            the period evaluated
 * @param figures           every figure either version computes, with both values; a candidate whose report
 *                          would be refused still shows what it computes
 * @param installedProblems why the installed version's evaluation would not file; empty when it would
 * @param candidateProblems why the candidate's evaluation would not file (a module that failed, a figure the
 *                          catalog check refuses), or why the candidate cannot be tried; empty when it would file
 */
public record DryRun(String symbolicName, String installedVersion, String candidateVersion, Period period,
                     List<FigureComparison> figures, List<String> installedProblems, List<String> candidateProblems) {

    /** Copies the lists. */
    public DryRun {
        figures = List.copyOf(figures);
        installedProblems = List.copyOf(installedProblems);
        candidateProblems = List.copyOf(candidateProblems);
    }

    /** @return whether the node, running the candidate, would file this period */
    public boolean wouldFile() {
        return candidateProblems.isEmpty();
    }

    /** @return the candidate's problems that the installed version does not have: those the candidate brings */
    public List<String> newProblems() {
        return candidateProblems.stream().filter(problem -> !installedProblems.contains(problem)).toList();
    }

    /** @return the figures that differ */
    public List<FigureComparison> changes() {
        return figures.stream().filter(FigureComparison::changed).toList();
    }
}
