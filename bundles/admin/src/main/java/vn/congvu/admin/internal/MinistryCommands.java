package vn.congvu.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.ReportText;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.Table;
import vn.congvu.ministry.view.TableText;
import vn.congvu.ministry.view.ViewArguments;

/**
 * The ministry operator's commands. They print the tables the web console shows, in the same order and formats
 * (names in words, rates with their parts, times in Vietnam's zone, said so). Each takes its arguments as text and
 * says what is wrong with them. Present only on the ministry node (it needs the ministry's views).
 */
@Component(service = MinistryCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=reports", "osgi.command.function=report",
        "osgi.command.function=national", "osgi.command.function=nodes", "osgi.command.function=series",
        "osgi.command.function=completeness", "osgi.command.function=province"})
public class MinistryCommands {

    private final ReportQueries queries;
    private final MinistryViews views;

    /**
     * @param queries the reports the ministry holds
     * @param views   its tables
     */
    @Activate
    public MinistryCommands(@Reference ReportQueries queries, @Reference MinistryViews views) {
        this.queries = queries;
        this.views = views;
    }

    /**
     * {@code congvu:reports}: the latest revision of every report held.
     *
     * @return one block per report
     */
    @Descriptor("the latest revision of every report the ministry holds")
    public String reports() {
        List<String> lines = new ArrayList<>();
        queries.latestReports().forEach(stored -> lines.addAll(ReportText.lines(stored, queries.producers(stored.report()))));
        return lines.isEmpty() ? "Chưa có báo cáo nào / no report yet" : String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:completeness 2023 periodic}: who filed, on time or late, who was refused and who is missing.
     *
     * @param arguments the year (this year if none) and the regime (periodic if none)
     * @return the rates per period, then the unit x period matrix
     */
    @Descriptor("who has filed, on time or late by how many days, refused or missing, and the reporting and on-time rates")
    public String completeness(@Descriptor("[YEAR] [periodic|thematic]") String... arguments) {
        usage(arguments, 2, "congvu:completeness [YEAR] [periodic|thematic]");
        int year = arguments.length > 0 ? ViewArguments.year(arguments[0]) : views.years().get(0);
        Regime regime = arguments.length > 1 ? ViewArguments.regime(arguments[1]) : Regime.PERIODIC;
        return TableText.text(List.of(views.reportingRates(regime, year), views.completeness(regime, year)));
    }

    /**
     * {@code congvu:national 2022} or {@code congvu:national 2021 restated}: the national table of a period and its
     * table per province, as reported (the units of that period) or restated to today's units.
     *
     * @param arguments the period, then {@code reported} (the default) or {@code restated}
     * @return both tables
     */
    @Descriptor("the national table of a period and its per-province table, as reported or restated to today's provinces")
    public String national(@Descriptor("PERIOD [reported|restated]: 2022, 2022-H1, 2022-Q3 or 2022-M07") String... arguments) {
        usage(arguments, 2, "congvu:national PERIOD [reported|restated]");
        if (arguments.length == 0) {
            throw new IllegalArgumentException("Cần kỳ báo cáo / a period is needed: congvu:national PERIOD [reported|restated]");
        }
        Period period = ViewArguments.period(arguments[0]);
        String view = arguments.length > 1 ? arguments[1] : "reported";
        if (!view.equals("reported") && !view.equals("restated")) {
            throw new IllegalArgumentException("Cách xem là 'reported' (như đã báo cáo) hoặc 'restated' (tính lại theo bản đồ "
                    + "hiện nay), không phải '" + view + "' / the view is 'reported' or 'restated'");
        }
        if (queries.latestFor(period).isEmpty()) {
            return "Chưa tỉnh nào nộp báo cáo kỳ " + period + " / no province has filed for " + period;
        }
        return TableText.text(views.national(period, view.equals("restated")));
    }

    /**
     * {@code congvu:province 19}: a province's reports (every revision, its receipt and timeliness), its refused
     * reports, its latest report, and its series across years: the console's province page.
     *
     * @param arguments the province's code
     * @return its tables
     */
    @Descriptor("a province's reports and revisions with receipts, its refused reports and its series across years")
    public String province(@Descriptor("CODE: the province's two-digit code, such as 19") String... arguments) {
        usage(arguments, 1, "congvu:province CODE");
        String code = ViewArguments.province(arguments.length == 0 ? "" : arguments[0]);
        // as the console's province page: its reports, its latest report, its series
        List<Table> tables = new ArrayList<>(views.provinceReports(code));
        views.reportKeys(code).stream().findFirst().flatMap(latest -> views.report(latest, Optional.empty()))
                .ifPresent(tables::addAll);
        if (Geography.official().unit(code, java.time.LocalDate.now(Period.ZONE)).isPresent()) {
            tables.addAll(views.provinceSeries(code));
        }
        return TableText.text(tables);
    }

    /**
     * {@code congvu:series 19}: a unit's annual figures across years, restated to its territory today, with the
     * year its territory changed marked.
     *
     * @param arguments the code of a unit in force today
     * @return the on-time rate by year and the whole series
     */
    @Descriptor("a province's annual figures across years, restated to its territory today, the change of territory marked")
    public String series(@Descriptor("CODE: the province's two-digit code, such as 19") String... arguments) {
        usage(arguments, 1, "congvu:series CODE");
        String code = ViewArguments.province(arguments.length == 0 ? "" : arguments[0]);
        if (Geography.official().unit(code, java.time.LocalDate.now(Period.ZONE)).isEmpty()) {
            String hint = Geography.official().mergerOf(code).map(merger -> "; nay thuộc / now part of "
                    + merger.successor() + " (" + merger.effective() + "): congvu:series " + merger.successor()).orElse("");
            throw new IllegalArgumentException("Mã " + code + " không còn là đơn vị hành chính / no unit " + code
                    + " is in force today" + hint);
        }
        return TableText.text(views.provinceSeries(code));
    }

    /**
     * {@code congvu:nodes}: which province runs which version of what, signed by whom, last heard from, and its
     * certificate; silent nodes marked.
     *
     * @return the fleet table
     */
    @Descriptor("which province runs which rule module versions signed by whom, last heard from (silent ones marked)")
    public String nodes() {
        return TableText.text(List.of(views.fleet()));
    }

    /**
     * {@code congvu:report 04 2022}: one province's periodic report for a period, the latest revision or the one asked.
     *
     * @param arguments the province's code, the period, optionally the revision
     * @return its figures, findings and modules
     */
    @Descriptor("one province's periodic report of a period, as stored: figures, findings, modules, receipt")
    public String report(@Descriptor("CODE PERIOD [REVISION], such as 04 2022") String... arguments) {
        usage(arguments, 3, "congvu:report CODE PERIOD [REVISION]");
        if (arguments.length < 2) {
            throw new IllegalArgumentException("Cần mã tỉnh và kỳ / a province code and a period are needed: "
                    + "congvu:report CODE PERIOD [REVISION]");
        }
        ReportKey key = new ReportKey(ViewArguments.province(arguments[0]), ViewArguments.period(arguments[1]), Regime.PERIODIC);
        Optional<Integer> revision = arguments.length > 2 ? Optional.of(ViewArguments.revision(arguments[2])) : Optional.empty();
        return views.report(key, revision).map(TableText::text)
                .orElseThrow(() -> new IllegalArgumentException("Chưa có báo cáo " + key + revision.map(n -> " lần " + n).orElse("")
                        + " / no report " + key + revision.map(n -> " revision " + n).orElse("")));
    }

    private static void usage(String[] arguments, int most, String usage) {
        if (arguments.length > most) {
            throw new IllegalArgumentException("Thừa tham số / too many arguments: " + usage);
        }
    }
}
