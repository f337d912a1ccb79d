package vn.congvu.ministry.internal;

import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.ReportQueries;
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
        return store.latestFor(period, Regime.PERIODIC).stream().map(StoredReport::report).toList();
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
