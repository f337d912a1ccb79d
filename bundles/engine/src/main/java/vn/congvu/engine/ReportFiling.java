package vn.congvu.engine;

import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;

/** Evaluates the province's records with its installed rule modules and files the report. */
@ProviderType
public interface ReportFiling {

    /**
     * Evaluates every rule module of this node's province that applies to the period, assembles the
     * report, and stores it with its outbox entry in one transaction. Nothing is filed if any module
     * failed or the assembled report breaks a rule: the result says why.
     *
     * @param period the period to report on
     * @return what was filed, or why nothing was
     */
    FilingResult file(Period period);
}
