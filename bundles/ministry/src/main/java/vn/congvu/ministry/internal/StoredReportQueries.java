package vn.congvu.ministry.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.Restatement;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.StoredReport;

/** Answers queries from the ministry's store. */
@Component(service = ReportQueries.class)
public class StoredReportQueries implements ReportQueries {

    private final MinistryStore store;

    /** @param store where reports are kept */
    @Activate
    public StoredReportQueries(@Reference MinistryStore store) {
        this.store = store;
    }

    @Override
    public List<StoredReport> latestReports() {
        return store.latestOfEveryKey();
    }

    @Override
    public List<Report> latestFor(Period period) {
        // only the units that report the period: a report stored before the map changed, for a unit merged away
        // before the period ended, would count its territory a second time
        Geography geography = Geography.official();
        return store.latestFor(period, Regime.PERIODIC).stream().map(StoredReport::report)
                .filter(report -> geography.reportingProblem(report.key().provinceCode(), period).isEmpty()).toList();
    }

    @Override
    public List<Report> restatedFor(Period period) {
        return Restatement.restate(latestFor(period), LocalDate.now(Period.ZONE));
    }

    @Override
    public List<Restatement.SeriesPoint> series(String provinceCode) {
        return Restatement.series(provinceCode, latestReports().stream().map(StoredReport::report).toList(),
                LocalDate.now(Period.ZONE));
    }

    @Override
    public List<NodeInventory> nodes() {
        return store.inventories();
    }

    @Override
    public List<NodeCertificate> certificates() {
        return store.certificates();
    }

    @Override
    public Optional<StoredReport> latest(ReportKey key) {
        return store.latest(key);
    }
}
