package vn.congvu.ministry.internal.views;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.NationalTables;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.ReportText;
import vn.congvu.ministry.Restatement;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.ReportingCalendar;
import vn.congvu.ministry.view.Table;
import vn.congvu.store.Filing;
import vn.congvu.store.MinistryStore;
import vn.congvu.ministry.internal.StoredValues;
import vn.congvu.store.StoredReport;

/** The ministry's tables, from its store and the reporting calendar set in {@code etc/vn.congvu.ministry.views.cfg}. */
@Designate(ocd = ViewSettings.class)
@Component(service = MinistryViews.class, configurationPid = ViewSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class StoredViews implements MinistryViews {

    private final ReportingCalendar calendar;
    private final Duration silence;
    private final MinistryStore store;
    private final ReportQueries queries;
    private final Clock clock;

    /**
     * @param settings the calendar and the silence limit
     * @param store    the ministry's store
     * @param queries  the reports it holds
     * @throws IllegalArgumentException naming a calendar setting that cannot be read
     */
    @Activate
    public StoredViews(ViewSettings settings, @Reference MinistryStore store, @Reference ReportQueries queries) {
        this(calendar(settings), silence(settings), store, queries, Clock.systemUTC());
    }

    StoredViews(ReportingCalendar calendar, Duration silence, MinistryStore store, ReportQueries queries, Clock clock) {
        this.calendar = calendar;
        this.silence = silence;
        this.store = store;
        this.queries = queries;
        this.clock = clock;
    }

    private static Duration silence(ViewSettings settings) {
        if (settings.silent_minutes() < 2) {
            throw new IllegalArgumentException("etc/" + ViewSettings.PID + ".cfg: silent.minutes = " + settings.silent_minutes()
                    + ": at least 2 (nodes report every minute)");
        }
        return Duration.ofMinutes(settings.silent_minutes());
    }

    private static ReportingCalendar calendar(ViewSettings settings) {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("periodic.year", settings.periodic_year());
        rules.put("periodic.half", settings.periodic_half());
        rules.put("periodic.quarter", settings.periodic_quarter());
        rules.put("periodic.month", settings.periodic_month());
        rules.put("thematic.year", settings.thematic_year());
        rules.put("thematic.half", settings.thematic_half());
        rules.put("thematic.quarter", settings.thematic_quarter());
        rules.put("thematic.month", settings.thematic_month());
        return ReportingCalendar.parse(rules);
    }

    @Override
    public ReportingCalendar calendar() {
        return calendar;
    }

    @Override
    public List<Integer> years() {
        int thisYear = today().getYear();
        int first = Math.min(thisYear, store.filings().stream().mapToInt(filing -> filing.key().period().year()).min()
                .orElse(thisYear));
        return IntStream.iterate(thisYear, year -> year >= first, year -> year - 1).boxed().toList();
    }

    @Override
    public List<Period> periods() {
        return store.filings().stream().filter(filing -> filing.key().regime() == Regime.PERIODIC)
                .map(filing -> filing.key().period()).distinct()
                .sorted(ReportingCalendar.IN_ORDER.reversed()).toList();
    }

    @Override
    public Table completeness(Regime regime, int year) {
        return completenessTables().matrix(regime, year);
    }

    @Override
    public Table reportingRates(Regime regime, int year) {
        return completenessTables().rates(regime, year);
    }

    @Override
    public List<Table> national(Period period, boolean restated) {
        List<vn.congvu.api.Report> reports = queries.latestFor(period);
        if (restated) {
            return Restatement.tables(period, reports, today());
        }
        return List.of(NationalTables.national("national", "Số liệu toàn quốc kỳ " + period + " (các tỉnh đã nộp: "
                        + reports.size() + ")", reports),
                NationalTables.perProvince("provinces", "Số liệu theo tỉnh kỳ " + period, reports));
    }

    @Override
    public Table onTimeRanking(Period period) {
        return ChartTables.onTimeRanking(period, queries.latestFor(period));
    }

    @Override
    public Table disciplineByForm(Period period) {
        return ChartTables.disciplineByForm(period, queries.latestFor(period));
    }

    @Override
    public List<Table> provinceReports(String provinceCode) {
        List<Filing> filings = store.filings(); // read once, for both tables
        ProvinceTables tables = new ProvinceTables(store, completenessTables(filings));
        return List.of(tables.reports(provinceCode, filings), tables.refusals(store.refusalsOf(provinceCode), filings));
    }

    @Override
    public List<ReportKey> reportKeys(String provinceCode) {
        return store.filings().stream().map(filing -> filing.key()).filter(key -> key.provinceCode().equals(provinceCode))
                .sorted(java.util.Comparator.comparing(ReportKey::period, ReportingCalendar.IN_ORDER).reversed()).toList();
    }

    @Override
    public List<Table> provinceSeries(String provinceCode) {
        List<Restatement.SeriesPoint> points = queries.series(provinceCode);
        return List.of(ChartTables.headlineSeries(provinceCode, points), Restatement.seriesTable(provinceCode, points));
    }

    @Override
    public Optional<List<Table>> report(ReportKey key, Optional<Integer> revision) {
        Optional<StoredReport> stored = revision.isEmpty() ? store.latest(key)
                : store.revisions(key).stream().filter(report -> report.report().revision() == revision.get()).findFirst();
        return stored.map(report -> ReportText.tables(StoredValues.received(report), queries.producers(report.report())));
    }

    @Override
    public Table fleet() {
        return FleetTable.of(store.inventories(), store.certificates(), silence, clock.instant());
    }

    private CompletenessTables completenessTables() {
        return completenessTables(store.filings());
    }

    private CompletenessTables completenessTables(List<Filing> filings) {
        return new CompletenessTables(calendar, filings, store.refusals(), today());
    }

    private LocalDate today() {
        return Formats.day(clock.instant());
    }
}
