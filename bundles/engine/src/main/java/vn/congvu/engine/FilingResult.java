package vn.congvu.engine;

import java.util.List;
import java.util.Optional;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * What filing a period did: the report queued for the ministry, or why nothing was filed.
 *
 * @param report        the report as stored, with its revision; empty when nothing was filed
 * @param outboxEntryId the outbox entry that sends it, or 0 when nothing was filed
 * @param unchanged     true when the latest revision already had these figures: nothing new was queued
 * @param modules       how each rule module's evaluation went
 * @param narrative     the modules' narrative lines
 * @param problems      why nothing was filed; empty when filed
 */
public record FilingResult(Optional<Report> report, long outboxEntryId, boolean unchanged,
                           List<ModuleOutcome> modules, List<String> narrative, List<Problem> problems) {

    /** Copies the lists. */
    public FilingResult {
        modules = List.copyOf(modules);
        narrative = List.copyOf(narrative);
        problems = List.copyOf(problems);
    }

    /** @return whether a report is stored and queued (or was already) */
    public boolean filed() {
        return report.isPresent();
    }
}
