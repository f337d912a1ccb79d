package vn.congvu.bench.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.Report;
import vn.congvu.bench.reports.FullReports;
import vn.congvu.ministry.NationalTables;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.StoreOutcome;

/** {@code bench:history}: the national-table query of one period as the years of stored history grow. */
@Component(service = MinistryBench.class, property = {"osgi.command.scope=bench", "osgi.command.function=history"})
public class MinistryBench {

    private static final int FIRST_YEAR = 2015;
    private static final int QUERIES = 20;

    private final MinistryStore store;
    private final ReportQueries queries;

    /**
     * @param store   the ministry's store, filled directly (ingestion is measured elsewhere)
     * @param queries the queries the national tables use
     */
    @Activate
    public MinistryBench(@Reference MinistryStore store, @Reference ReportQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /**
     * Adds a year of monthly full reports from the provinces at a time and, after each year, times the
     * national table of June of the first year.
     *
     * @param years     how many years of history
     * @param provinces how many provinces report
     * @return one {@code RESULT history ...} line per year
     */
    public String history(int years, int provinces) throws Exception {
        List<String> codes = Province.all().stream().map(Province::code).sorted().limit(provinces).toList();
        Period queried = Period.parse(FIRST_YEAR + "-M06");
        List<String> lines = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            for (int year = 0; year < years; year++) {
                List<Future<StoreOutcome>> stored = new ArrayList<>();
                for (int month = 1; month <= 12; month++) {
                    Period period = Period.parse(String.format("%d-M%02d", FIRST_YEAR + year, month));
                    for (String code : codes) {
                        Report report = FullReports.of(code, period);
                        stored.add(writers.submit(() -> store.storeReport(report, Instant.now())));
                    }
                }
                for (Future<StoreOutcome> outcome : stored) {
                    if (!(outcome.get() instanceof StoreOutcome.Stored)) {
                        throw new IllegalStateException("not stored: " + outcome.get());
                    }
                }
                NationalTables.national("national", "bench", queries.latestFor(queried)); // warm
                long started = System.nanoTime();
                int lineCount = 0;
                for (int query = 0; query < QUERIES; query++) {
                    lineCount = NationalTables.national("national", "bench", queries.latestFor(queried)).rows().size();
                }
                double millis = (System.nanoTime() - started) / 1e6 / QUERIES;
                lines.add(String.format("RESULT history years=%d reports=%d queryMillis=%.2f tableLines=%d", year + 1,
                        store.countRevisions(), millis, lineCount));
            }
        } finally {
            writers.shutdownNow();
        }
        return String.join(System.lineSeparator(), lines);
    }
}
