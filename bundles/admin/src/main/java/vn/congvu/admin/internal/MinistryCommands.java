package vn.congvu.admin.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.NationalTables;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.ReportText;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.StoredReport;

/** The ministry operator's commands. Present only on the ministry node (it needs the report queries). */
@Component(service = MinistryCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=reports", "osgi.command.function=report",
        "osgi.command.function=national", "osgi.command.function=nodes"})
public class MinistryCommands {

    private final ReportQueries queries;

    /** @param queries the reports the ministry holds */
    @Activate
    public MinistryCommands(@Reference ReportQueries queries) {
        this.queries = queries;
    }

    /**
     * {@code congvu:reports}: the latest revision of every report held.
     *
     * @return one block per report
     */
    public String reports() {
        List<StoredReport> reports = queries.latestReports();
        if (reports.isEmpty()) {
            return "Chưa có báo cáo nào / no report yet";
        }
        List<String> lines = new ArrayList<>();
        reports.forEach(stored -> lines.addAll(ReportText.lines(stored)));
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:national 2022}: the national table of a period (totals, recomputed rates, ranks per
     * province) and the table of every figure per province.
     *
     * @param period the period
     * @return both tables
     */
    public String national(String period) {
        List<Report> reports = queries.latestFor(Period.parse(period));
        if (reports.isEmpty()) {
            return "Chưa tỉnh nào nộp báo cáo kỳ " + period + " / no province has filed for " + period;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Số liệu toàn quốc kỳ " + period + " (" + reports.size() + " tỉnh đã nộp):");
        lines.addAll(NationalTables.national(reports));
        lines.add("");
        lines.add("Số liệu theo tỉnh kỳ " + period + ":");
        lines.addAll(NationalTables.perProvince(reports));
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:nodes}: which province runs which version of what, as each node last reported.
     *
     * @return one block per province node
     */
    public String nodes() {
        List<String> lines = new ArrayList<>();
        for (NodeInventory node : queries.nodes()) {
            lines.add(String.format("%s (%s): báo cáo lúc %s, liên lạc gần nhất %s", Province.byCode(node.provinceCode())
                    .map(Province::name).orElse("?"), node.provinceCode(), node.takenAt(), node.lastSeen()));
            node.modules().forEach(module -> lines.add(String.format("  %-40s %-24s sha256 %s  từ %s", module.moduleId(),
                    module.version(), module.jarSha256(), module.since())));
        }
        return lines.isEmpty() ? "Chưa nút tỉnh nào báo cáo / no province node has reported" : String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:report 04 2022}: one province's periodic report for a period.
     *
     * @param provinceCode the province code
     * @param period       the period
     * @return the report
     */
    public String report(String provinceCode, String period) {
        ReportKey key = new ReportKey(provinceCode, Period.parse(period), Regime.PERIODIC);
        return queries.latest(key).map(stored -> String.join(System.lineSeparator(), ReportText.lines(stored)))
                .orElseThrow(() -> new IllegalArgumentException("Chưa có báo cáo " + key + " / no report " + key));
    }
}
