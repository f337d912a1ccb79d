package vn.congvu.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;

/** The ministry node's database: every report received, every revision kept, and their receipts. */
@ProviderType
public interface MinistryStore {

    /**
     * Stores a report and issues its receipt in one transaction. Identified by key and revision: the same
     * content again is a duplicate answered with the first receipt; other content under a stored revision
     * is a conflict.
     *
     * @param report     a validated report
     * @param preparedAt when the province prepared it
     * @return what happened
     */
    default StoreOutcome storeReport(Report report, Instant preparedAt) {
        return storeReport(report, report.contentHash(), preparedAt);
    }

    /**
     * As {@link #storeReport(Report, Instant)}, with the report's content hash already computed (the
     * ministry computes it once, to check the sender's claim, and stores that).
     *
     * @param report      a validated report
     * @param contentHash {@code report.contentHash()}
     * @param preparedAt  when the province prepared it
     * @return what happened
     */
    StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt);

    /**
     * @param key a report key
     * @return its highest revision, if any is stored
     */
    Optional<StoredReport> latest(ReportKey key);

    /** @return the highest revision of every stored report key, by province then period */
    List<StoredReport> latestOfEveryKey();

    /**
     * @param period a period
     * @param regime a regime
     * @return the highest revision of every province's report of that period and regime, by province; the
     *         cost depends on the provinces reporting, not on the years of history held
     */
    List<StoredReport> latestFor(Period period, Regime regime);

    /**
     * @param key a report key
     * @return every revision stored under it, oldest first (empty if none)
     */
    List<StoredReport> revisions(ReportKey key);

    /** @return every report key held, with how many revisions and when they were accepted, by province then period */
    List<Filing> filings();

    /**
     * Keeps a refusal as the latest of its key, replacing the one before: a refused report is not a missing one.
     *
     * @param refusal the refusal
     */
    void recordRefusal(Refusal refusal);

    /**
     * @return the latest refusal of every key refused, by province then period, without its problems (only their
     *     count): what the reporting calendar needs, read without the problems' text
     */
    List<Refusal> refusals();

    /**
     * @param provinceCode a province
     * @return the latest refusal of every key of that province refused, by period, with its problems
     */
    List<Refusal> refusalsOf(String provinceCode);

    /**
     * Asks the database a trivial question, for health checks.
     *
     * @return whether it answered; false (never an exception) when it does not work
     */
    boolean isAvailable();

    /** @return how many report revisions are stored in all */
    long countRevisions();

    /**
     * Replaces a province node's inventory with the one it just reported.
     *
     * @param inventory what the node runs; its last-seen time is set here
     * @return when it was recorded
     */
    Instant recordInventory(NodeInventory inventory);

    /** @return the latest inventory of every province node that reported one, by province */
    List<NodeInventory> inventories();

    /**
     * Which indicator codes each module computes, as a province's node running its jar said in its inventories
     * ({@link NodeModule#produces()}). Kept for good by province, the jar's SHA-256 and the module id, so the
     * modules a report names are answered long after the node has moved to another version; a module is known by
     * the first inventory that says what it produces, and later ones do not change it. Only the province's own
     * node's word counts: no node can change what is said of another province's reports.
     *
     * @param provinceCode the province whose report names the modules
     * @param modules      modules as its report names them ({@link Report#modules()}); one look-up each
     * @return every module asked about, in the order given, with the codes its jar produces, by code: an empty set
     *     when that province's node did not say (a node older than this release)
     */
    Map<ModuleProvenance, Set<String>> outputsOf(String provinceCode, Collection<ModuleProvenance> modules);

    /**
     * Records that a province node now calls with a certificate: kept once per certificate, with when the node
     * last switched to it.
     *
     * @param certificate the certificate, with the time as both first seen and switched to
     * @return whether it was new
     */
    boolean recordCertificate(NodeCertificate certificate);

    /** @return the certificate each province node switched to most recently, by province */
    List<NodeCertificate> certificates();
}
