package vn.congvu.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
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
