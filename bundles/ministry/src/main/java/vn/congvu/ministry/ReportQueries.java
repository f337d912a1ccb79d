package vn.congvu.ministry;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.StoredReport;

/** The reports the ministry holds. */
@ProviderType
public interface ReportQueries {

    /** @return the latest revision of every report, by province then period */
    List<StoredReport> latestReports();

    /**
     * @param period a period
     * @return the latest periodic report of every province that filed for it
     */
    List<Report> latestFor(Period period);

    /** @return what every province node runs, as it last reported, by province */
    List<NodeInventory> nodes();

    /** @return the certificate each province node called with most recently, by province */
    List<NodeCertificate> certificates();

    /**
     * @param key a province, period and regime
     * @return the latest revision of that report, if filed
     */
    Optional<StoredReport> latest(ReportKey key);
}
