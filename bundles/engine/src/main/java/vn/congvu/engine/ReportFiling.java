package vn.congvu.engine;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;

/** Evaluates the province's records with its installed rule modules and files the report. */
@ProviderType
public interface ReportFiling {

    /**
     * Evaluates every rule module of this node's province that applies to the period, assembles the
     * report, and stores it with its outbox entry in one transaction. Nothing is filed if the period has
     * not begun (today in Vietnam, rule {@code period.not_begun}), if any module failed, or if the assembled
     * report breaks a rule: the result says why.
     *
     * <p>The evaluation runs on the module versions serving when it starts, even if a module is swapped
     * meanwhile; the report names those versions.
     *
     * @param period the period to report on
     * @return what was filed, or why nothing was
     */
    default FilingResult file(Period period) {
        return file(period, WorkWatcher.NONE);
    }

    /**
     * As {@link #file(Period)}, watched: the evaluation shows its progress (records read by the modules) and
     * stops when cancelled, filing nothing (rule {@code evaluation.cancelled}).
     *
     * @param period  the period to report on
     * @param watcher shown the progress, and asked whether to stop
     * @return what was filed, or why nothing was
     */
    FilingResult file(Period period, WorkWatcher watcher);

    /**
     * Evaluates the period as {@link #file(Period)} would, with the candidate's modules in place of the
     * installed modules of the candidate's bundle, and files nothing: a dry run of a jar before it is
     * installed.
     *
     * @param period    the period to evaluate
     * @param candidate the modules to try; with no modules, the installed ones alone are evaluated
     * @return the figures, or why there are none
     */
    Evaluation evaluate(Period period, CandidateModules candidate);

    /** @return the period of the report this node filed last, if it filed any */
    Optional<Period> lastFiled();
}
