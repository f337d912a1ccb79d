package vn.congvu.metrics.internal;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.store.MinistryStore;

/** The ministry's stored reports as a gauge, read from its store when scraped. */
@Component(service = MultiCollector.class)
public class MinistryGauges implements MultiCollector {

    private final MinistryStore store;

    /** @param store the ministry's store */
    @Activate
    public MinistryGauges(@Reference MinistryStore store) {
        this.store = store;
    }

    @Override
    public MetricSnapshots collect() {
        return new MetricSnapshots(GaugeSnapshot.builder().name("congvu_ministry_report_revisions")
                .help("Report revisions the ministry holds, every province and period")
                .dataPoint(GaugeDataPointSnapshot.builder().value(store.countRevisions()).build()).build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("congvu_ministry_report_revisions");
    }
}
