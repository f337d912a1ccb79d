package vn.congvu.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
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
    StoreOutcome storeReport(Report report, Instant preparedAt);

    /**
     * @param key a report key
     * @return its highest revision, if any is stored
     */
    Optional<StoredReport> latest(ReportKey key);

    /** @return the highest revision of every stored report key, by province then period */
    List<StoredReport> latestOfEveryKey();

    /** @return how many report revisions are stored in all */
    long countRevisions();
}
