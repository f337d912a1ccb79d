package vn.congvu.metrics.internal;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;

/**
 * A province's outbox as gauges, read from the store when scraped: the same {@link OutboxStatus} that
 * {@code congvu:outbox} prints, read once per scrape so that the gauges agree with each other.
 */
@Component(service = MultiCollector.class)
public class OutboxGauges implements MultiCollector {

    private final Supplier<OutboxStatus> outbox;
    private final Clock clock;

    /** @param store the province's store, which keeps the outbox */
    @Activate
    public OutboxGauges(@Reference ProvinceStore store) {
        this(store::outboxStatus, Clock.systemUTC());
    }

    /** As the component's constructor, reading the outbox from {@code outbox}, with the clock that ages its oldest entry. */
    OutboxGauges(Supplier<OutboxStatus> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        OutboxStatus status = outbox.get();
        double age = status.oldestPendingAt()
                .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        return new MetricSnapshots(
                gauge("congvu_outbox_depth", null, "Reports waiting to be sent to the ministry, as congvu:outbox counts them",
                        status.pending()),
                gauge("congvu_outbox_oldest_age_seconds", Unit.SECONDS,
                        "How long the oldest report waiting to be sent has waited since it was filed; 0 when none waits",
                        age),
                GaugeSnapshot.builder().name("congvu_outbox_entries")
                        .help("Outbox entries by state: pending, delivered (the ministry holds them), refused by the "
                                + "ministry, failed in this node before sending")
                        .dataPoint(point(status.pending(), "pending"))
                        .dataPoint(point(status.delivered(), "delivered"))
                        .dataPoint(point(status.refused(), "refused"))
                        .dataPoint(point(status.failed(), "failed"))
                        .build());
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of("congvu_outbox_depth", "congvu_outbox_oldest_age_seconds", "congvu_outbox_entries");
    }

    private static GaugeSnapshot gauge(String name, Unit unit, String help, double value) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build());
        return unit == null ? builder.build() : builder.unit(unit).build();
    }

    private static GaugeDataPointSnapshot point(long value, String state) {
        return GaugeDataPointSnapshot.builder().value(value)
                .labels(Labels.of("state", state)).build();
    }
}
