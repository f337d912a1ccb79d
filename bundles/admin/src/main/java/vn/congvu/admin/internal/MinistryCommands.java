package vn.congvu.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Geography;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.NationalTables;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.ministry.ReportText;
import vn.congvu.ministry.Restatement;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.StoredReport;

/** The ministry operator's commands. Present only on the ministry node (it needs the report queries). */
@Component(service = MinistryCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=reports", "osgi.command.function=report",
        "osgi.command.function=national", "osgi.command.function=nodes", "osgi.command.function=series"})
public class MinistryCommands {

    /** Certificates ending within this many days are flagged, as the nodes themselves warn in their logs. */
    private static final int EXPIRY_WARNING_DAYS = 30;

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
    @Descriptor("the latest revision of every report the ministry holds")
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
    @Descriptor("the national table of a period and its per-province table, over the units of that period")
    public String national(@Descriptor("PERIOD: 2022, 2022-H1, 2022-Q3 or 2022-M07") String period) {
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
     * {@code congvu:national 2021 restated}: the national table of a period as reported (the units of that period,
     * as {@link #national(String)} prints it) or restated to today's units (predecessors' figures under their
     * successor, rates recomputed from the summed parts, ranks not restated).
     *
     * @param period the period
     * @param view   {@code reported} or {@code restated}
     * @return the tables
     */
    @Descriptor("the national table of a period, as reported or restated to today's 34 provinces")
    public String national(@Descriptor("PERIOD: 2022, 2022-H1, 2022-Q3 or 2022-M07") String period, @Descriptor("VIEW: reported or restated") String view) {
        if (view.equals("reported")) {
            return national(period);
        }
        if (!view.equals("restated")) {
            throw new IllegalArgumentException("the second argument is 'reported' or 'restated', not '" + view + "'");
        }
        List<Report> reports = queries.latestFor(Period.parse(period));
        if (reports.isEmpty()) {
            return "Chưa tỉnh nào nộp báo cáo kỳ " + period + " / no province has filed for " + period;
        }
        LocalDate today = LocalDate.now(Period.ZONE);
        List<String> lines = new ArrayList<>();
        lines.add("Số liệu toàn quốc kỳ " + period + ", tính lại theo " + Geography.official().unitsOn(today).size()
                + " đơn vị hành chính hiện nay (" + reports.size() + " đơn vị đã nộp theo bản đồ của kỳ):");
        lines.addAll(Restatement.tables(reports, today));
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:series 19}: a unit's annual figures across years, restated to its territory today, with the
     * year its territory changed marked.
     *
     * @param provinceCode a unit in force today
     * @return the series
     */
    @Descriptor("a province's annual figures across years, restated to its territory today, the change of territory marked")
    public String series(@Descriptor("CODE: the province's two-digit code, such as 19") String provinceCode) {
        LocalDate today = LocalDate.now(Period.ZONE);
        if (Geography.official().unit(provinceCode, today).isEmpty()) {
            String hint = Geography.official().mergerOf(provinceCode).map(merger -> ": it was merged into "
                    + merger.successor() + " on " + merger.effective() + "; ask for " + merger.successor()).orElse("");
            throw new IllegalArgumentException("no unit " + provinceCode + " is in force today" + hint);
        }
        List<Restatement.SeriesPoint> points = queries.series(provinceCode);
        if (points.isEmpty()) {
            return "Chưa có báo cáo năm nào của " + provinceCode + " / no annual report of " + provinceCode;
        }
        List<String> lines = new ArrayList<>();
        lines.add("Chuỗi số liệu năm của " + Geography.official().unit(provinceCode, today).orElseThrow().label()
                + ", theo lãnh thổ hiện nay (restated to its territory today):");
        lines.addAll(Restatement.seriesTable(provinceCode, points));
        return String.join(System.lineSeparator(), lines);
    }

    /**
     * {@code congvu:nodes}: which province runs which version of what, and who signed each module's jar, as each
     * node last reported, and the certificate it called with last (flagged when it expires within 30 days).
     *
     * @return one block per province node
     */
    @Descriptor("which province runs which rule module versions signed by whom, last heard from, and its certificate")
    public String nodes() {
        Map<String, NodeCertificate> certificates = new TreeMap<>();
        queries.certificates().forEach(certificate -> certificates.put(certificate.provinceCode(), certificate));
        Map<String, NodeInventory> inventories = new TreeMap<>();
        queries.nodes().forEach(node -> inventories.put(node.provinceCode(), node));
        Set<String> provinces = new TreeSet<>(inventories.keySet());
        provinces.addAll(certificates.keySet());
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        for (String code : provinces) {
            NodeInventory node = inventories.get(code);
            String name = Province.byCode(code).map(Province::name).orElse("?");
            lines.add(node == null ? String.format("%s (%s): chưa báo cáo mô-đun / no inventory yet", name, code)
                    : String.format("%s (%s): báo cáo lúc %s, liên lạc gần nhất %s", name, code, node.takenAt(), node.lastSeen()));
            NodeCertificate certificate = certificates.get(code);
            lines.add(certificate == null ? "  chứng thư: chưa thấy (plaintext hoặc chưa gọi từ khi nâng cấp) / certificate: none seen"
                    : "  chứng thư / certificate: serial " + certificate.serialHex() + ", hết hạn / expires "
                            + certificate.notAfter() + expiryWarning(certificate, now) + ", thấy lần đầu / first seen "
                            + certificate.firstSeen());
            if (node != null) {
                node.modules().forEach(module -> {
                    lines.add(String.format("  %-40s %-24s sha256 %s  từ %s", module.moduleId(), module.version(),
                            module.jarSha256(), module.since()));
                    lines.add("    ký bởi / signed by: " + signer(module.signer()));
                });
            }
        }
        return lines.isEmpty() ? "Chưa nút tỉnh nào báo cáo / no province node has reported" : String.join(System.lineSeparator(), lines);
    }

    /** @return who signed a module's jar, as its node said, with the node's two plain answers in both languages */
    private static String signer(String signer) {
        return switch (signer) {
            case "" -> "(nút tỉnh không cho biết / not said by the node)";
            case "unsigned" -> "KHÔNG KÝ (chế độ phát triển) / UNSIGNED (development setting)";
            case "unknown" -> "không rõ (nút không tự cài gói này) / unknown (not installed by the node itself)";
            default -> signer;
        };
    }

    private static String expiryWarning(NodeCertificate certificate, Instant now) {
        long days = Duration.between(now, certificate.notAfter()).toDays();
        if (now.isAfter(certificate.notAfter())) {
            return " (ĐÃ HẾT HẠN / EXPIRED)";
        }
        return days <= EXPIRY_WARNING_DAYS ? " (CÒN " + days + " NGÀY / EXPIRES IN " + days + " DAYS)" : "";
    }

    /**
     * {@code congvu:report 04 2022}: one province's periodic report for a period.
     *
     * @param provinceCode the province code
     * @param period       the period
     * @return the report
     */
    @Descriptor("one province's report of a period, as stored")
    public String report(@Descriptor("CODE: the province's two-digit code, such as 04") String provinceCode, @Descriptor("PERIOD: 2022, 2022-H1, 2022-Q3 or 2022-M07") String period) {
        ReportKey key = new ReportKey(provinceCode, Period.parse(period), Regime.PERIODIC);
        return queries.latest(key).map(stored -> String.join(System.lineSeparator(), ReportText.lines(stored)))
                .orElseThrow(() -> new IllegalArgumentException("Chưa có báo cáo " + key + " / no report " + key));
    }
}
