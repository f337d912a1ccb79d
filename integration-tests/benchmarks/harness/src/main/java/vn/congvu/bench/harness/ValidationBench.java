package vn.congvu.bench.harness;

import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problems;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.ReportRules;
import vn.congvu.api.catalog.CatalogCheck;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.proto.DecodedReport;
import vn.congvu.proto.ReportMessages;

/**
 * The ministry's validation of a report at every count limit of reporting.proto (100 modules, 100,000
 * figures, 10,000 findings, 8 dimensions on some figures, long texts), in this process: the bytes read,
 * the protocol's rules, the catalog's checks and the content hash, as the ministry runs them before
 * storing. Baseline: protobuf parsing the same bytes and nothing else. Figures: median time of several
 * runs and the bytes allocated by one run (the JVM's per-thread allocation counter).
 */
final class ValidationBench {

    private static final int RUNS = 7;

    /** Time and allocation of one way of reading the report. */
    record Measured(double medianMillis, long allocatedBytes) {
    }

    private interface Work {
        void run(byte[] request) throws Exception;
    }

    private ValidationBench() {
    }

    /** @return the request bytes of a valid report at every count limit */
    static byte[] reportAtEveryLimit() {
        List<ModuleProvenance> modules = new ArrayList<>();
        for (int i = 0; i < ReportRules.MAX_MODULES; i++) {
            modules.add(new ModuleProvenance("bench.module-" + i, "1.0." + i, String.format("%064x", i)));
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < ReportRules.MAX_VALUES; i++) {
            Map<String, String> dimensions = new TreeMap<>();
            if (i % 100 == 0) {
                for (int d = 0; d < ReportRules.MAX_DIMENSIONS; d++) {
                    dimensions.put("dimension" + d, ("Ủy ban nhân dân xã số " + i + ", đơn vị " + d + " ").repeat(4).strip());
                }
            }
            values.add(new IndicatorValue("bench.figure-" + i, new Disaggregation(dimensions), java.math.BigDecimal.valueOf(i, 2)));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < ReportRules.MAX_FINDINGS; i++) {
            findings.add(new Finding("bench.rule-" + (i % 50), "Sở, ban, ngành số " + i, 1 + i, Finding.Severity.WARNING,
                    "Cán bộ không đeo thẻ công chức khi thi hành công vụ tại bộ phận một cửa;\nđã nhắc nhở " + i + " lần."));
        }
        Report report = new Report(new ReportKey("04", Period.year(2024), Regime.PERIODIC), 1, modules, values, findings);
        return SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(report, Instant.now())).build().toByteArray();
    }

    /** The ministry's checks before storing; fails if the report is refused, so the full path is measured. */
    static Measured validation(byte[] request) throws Exception {
        return measure(request, bytes -> {
            SubmitReportRequest parsed = SubmitReportRequest.parseFrom(bytes);
            DecodedReport decoded = ReportMessages.fromMessage(parsed.getReport(), 200);
            Report report = decoded.report().orElseThrow(() -> new IllegalStateException(
                    "the benchmark's report was refused: " + decoded.problems()));
            Problems problems = new Problems(200);
            CatalogCheck.check(report, problems::add);
            if (!problems.isEmpty() || !report.contentHash().equals(parsed.getReport().getContentHash())) {
                throw new IllegalStateException("the benchmark's report failed the catalog or its hash: " + problems.kept());
            }
        });
    }

    /** Protobuf parsing alone. */
    static Measured bareParse(byte[] request) throws Exception {
        return measure(request, bytes -> {
            if (SubmitReportRequest.parseFrom(bytes).getReport().getValuesCount() != ReportRules.MAX_VALUES) {
                throw new InvalidProtocolBufferException("the benchmark's report lost figures");
            }
        });
    }

    private static Measured measure(byte[] request, Work work) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        work.run(request);  // warm-up
        List<Double> millis = new ArrayList<>();
        long allocated = 0;
        for (int run = 0; run < RUNS; run++) {
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            work.run(request);
            millis.add((System.nanoTime() - started) / 1e6);
            allocated = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
        }
        millis.sort(null);
        return new Measured(millis.get(RUNS / 2), allocated);
    }
}
