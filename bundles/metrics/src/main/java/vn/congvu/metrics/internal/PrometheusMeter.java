package vn.congvu.metrics.internal;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import vn.congvu.metrics.MetricsExposition;
import vn.congvu.metrics.NodeMeter;

/**
 * The node's metrics, kept in a registry of its own (never the client's process-wide default registry, so
 * that a restarted bundle starts from zero and tests do not see each other's counts). Counts and timings
 * arrive through {@link NodeMeter}; gauges read from the store at scrape time come as collectors
 * registered by {@link OutboxGauges} and {@link MinistryGauges}; JVM memory comes from the client's own
 * instrumentation.
 */
@Component(service = {NodeMeter.class, MetricsExposition.class})
public class PrometheusMeter implements NodeMeter, MetricsExposition {

    /** Seconds: from a small import or evaluation to one of a year's records of a large province. */
    private static final double[] SECONDS = {0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram imports;
    private final Histogram evaluations;
    private final Counter filings;
    private final Counter refusals;
    private final Counter swaps;

    /** Registers every metric, at zero, so that a scraper sees each of them from the start. */
    @Activate
    public PrometheusMeter() {
        imports = Histogram.builder().name("congvu_record_import_duration_seconds").unit(Unit.SECONDS)
                .help("Record files imported (outcome=accepted) or refused whole (outcome=refused), and how long each took")
                .labelNames("outcome").classicOnly().classicUpperBounds(SECONDS).register(registry);
        imports.initLabelValues("accepted");
        imports.initLabelValues("refused");
        evaluations = Histogram.builder().name("congvu_evaluation_duration_seconds").unit(Unit.SECONDS)
                .help("Evaluations of a period's rule modules, for a filing or a dry run, and how long each took; "
                        + "report=made when every module finished and a report was assembled")
                .labelNames("report").classicOnly().classicUpperBounds(SECONDS).register(registry);
        evaluations.initLabelValues("made");
        evaluations.initLabelValues("not_made");
        filings = Counter.builder().name("congvu_filings_total")
                .help("Filings by outcome: filed (a new revision queued for the ministry), unchanged, not_filed")
                .labelNames("outcome").register(registry);
        for (FilingOutcome outcome : FilingOutcome.values()) {
            filings.initLabelValues(label(outcome));
        }
        refusals = Counter.builder().name("congvu_refusals_total")
                .help("Reports the ministry refused since the node started (they are never sent again)")
                .register(registry);
        swaps = Counter.builder().name("congvu_swaps_total")
                .help("Rule bundle swaps (install, update, rollback, removal): outcome=done, or refused with the "
                        + "running version kept").labelNames("outcome").register(registry);
        swaps.initLabelValues("done");
        swaps.initLabelValues("refused");
        JvmMemoryMetrics.builder().register(registry);
    }

    /**
     * Adds the gauges a store gives (the outbox on a province, the stored reports on the ministry).
     *
     * @param collector reads the store when scraped
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCollector(MultiCollector collector) {
        registry.register(collector);
    }

    /** @param collector a collector added earlier, whose store is going away */
    void removeCollector(MultiCollector collector) {
        registry.unregister(collector);
    }

    @Override
    public void recordImport(boolean accepted, Duration took) {
        imports.labelValues(accepted ? "accepted" : "refused").observe(seconds(took));
    }

    @Override
    public void evaluation(boolean reportMade, Duration took) {
        evaluations.labelValues(reportMade ? "made" : "not_made").observe(seconds(took));
    }

    @Override
    public void filing(FilingOutcome outcome) {
        filings.labelValues(label(outcome)).inc();
    }

    @Override
    public void refusal() {
        refusals.inc();
    }

    @Override
    public void swap(boolean done) {
        swaps.labelValues(done ? "done" : "refused").inc();
    }

    @Override
    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
    }

    private static String label(FilingOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static double seconds(Duration took) {
        return took.toNanos() / 1e9;
    }
}
