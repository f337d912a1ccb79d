package vn.congvu.ministry.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Geography;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.ProvinceNode;
import vn.congvu.ministry.ReceivedReport;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.Restatement;
import vn.congvu.store.MinistryStore;
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
    public List<ReceivedReport> latestReports() {
        return store.latestOfEveryKey().stream().map(StoredValues::received).toList();
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
        // only the annual periodic reports of the unit's territory are read, not every report held
        LocalDate today = LocalDate.now(Period.ZONE);
        List<String> territory = Geography.official().territoryOf(provinceCode, today);
        List<Report> reports = store.filings().stream().map(filing -> filing.key())
                .filter(key -> key.regime() == Regime.PERIODIC && key.period().kind() == PeriodKind.YEAR
                        && territory.contains(key.provinceCode()))
                .map(store::latest).flatMap(Optional::stream).map(StoredReport::report).toList();
        return Restatement.series(provinceCode, reports, today);
    }

    @Override
    public List<ProvinceNode> nodes() {
        return store.inventories().stream().map(StoredValues::node).toList();
    }

    @Override
    public Map<String, ModuleProvenance> producers(Report report) {
        Map<String, ModuleProvenance> declaredBy = new HashMap<>();
        Set<String> declaredTwice = new HashSet<>();
        store.outputsOf(report.key().provinceCode(), report.modules()).forEach((module, codes) -> codes.forEach(code -> {
            if (declaredBy.putIfAbsent(code, module) != null) {
                declaredTwice.add(code);
            }
        }));
        // the engine refuses two modules computing the same figure, not two declaring the same code (each may
        // compute it by another disaggregation): a code two modules declare has no one producer to name
        Map<String, ModuleProvenance> producers = new TreeMap<>();
        for (IndicatorValue value : report.values()) {
            ModuleProvenance module = declaredBy.get(value.code());
            if (module != null && !declaredTwice.contains(value.code())) {
                producers.put(value.code(), module);
            }
        }
        return Collections.unmodifiableMap(producers);
    }

    @Override
    public Optional<ReceivedReport> latest(ReportKey key) {
        return store.latest(key).map(StoredValues::received);
    }
}
