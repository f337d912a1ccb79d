package vn.congvu.ministry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.congvu.api.Finding;
import vn.congvu.api.Geography;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;
import vn.congvu.ministry.view.TableText;

/**
 * A stored report as a Vietnamese reader reads it: its figures with their labels (rates recomputed, with their
 * parts) and the module that computed each, its findings in words, the modules that ran, and its receipt.
 */
public final class ReportText {

    private ReportText() {
    }

    /**
     * @param stored    a stored report
     * @param producers the module that computed each of its indicators, by indicator code (those known)
     * @return its figures, findings and modules, the first table's title naming the report and its receipt
     */
    public static List<Table> tables(ReceivedReport stored, Map<String, ModuleProvenance> producers) {
        Report report = stored.report();
        String allModules = report.modules().stream().map(ReportText::module).collect(Collectors.joining("; "));
        Table figures = NationalTables.figures("figures", heading(stored), report, code -> producers.containsKey(code)
                ? module(producers.get(code)) : allModules.isEmpty() ? "-" : "một trong / one of: " + allModules);
        List<List<Cell>> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            findings.add(List.of(Cell.of(finding.message()), Cell.of(finding.unit()), Formats.count(finding.count()),
                    Cell.of(severity(finding.severity())).shown(finding.severity().name().toLowerCase(java.util.Locale.ROOT)),
                    Cell.of(finding.ruleId())));
        }
        List<List<Cell>> modules = new ArrayList<>();
        for (ModuleProvenance module : report.modules()) {
            String produced = producers.entrySet().stream().filter(entry -> entry.getValue().equals(module))
                    .map(entry -> NationalCatalog.indicator(entry.getKey()).map(Indicator::labelVi).orElse(entry.getKey()))
                    .distinct().collect(Collectors.joining("; "));
            modules.add(List.of(Cell.of(module.moduleId()), Cell.of(module.version()), Cell.of(module.jarSha256()),
                    Cell.of(produced.isEmpty() ? "—" : produced)));
        }
        return List.of(figures,
                new Table("findings", "Phát hiện của báo cáo này (" + findings.size() + ")", List.of(Column.text("message", "Nội dung"),
                        Column.text("unit", "Đơn vị"), Column.number("count", "Số lần"), Column.text("severity", "Mức độ"),
                        Column.text("rule", "Mã quy tắc")), findings, List.of()),
                new Table("modules", "Mô-đun quy tắc đã tính báo cáo này", List.of(Column.text("module", "Mô-đun"),
                        Column.text("version", "Phiên bản"), Column.text("sha256", "SHA-256 của gói"),
                        Column.text("produces", "Chỉ tiêu tính")), modules, List.of("\"—\": nút tỉnh không cho biết, hoặc "
                        + "mô-đun khác của báo cáo cũng khai báo các chỉ tiêu đó / not said by the node, or another module of "
                        + "the report declares the same indicators")));
    }

    /**
     * @param stored    a stored report
     * @param producers the module that computed each of its indicators, by indicator code (those known)
     * @return its tables as lines, for a log or a terminal
     */
    public static List<String> lines(ReceivedReport stored, Map<String, ModuleProvenance> producers) {
        return List.of(TableText.text(tables(stored, producers)).split(System.lineSeparator()));
    }

    /** @return {@code Báo cáo Cao Bằng (04), kỳ 2022, lần 1 - biên nhận BNV-2026-000001, nhận lúc 02/12/2026 09:47} */
    public static String heading(ReceivedReport stored) {
        Report report = stored.report();
        // the unit's name in the report's period: a 2021 report of code 15 is Yên Bái's, not Lào Cai's
        String province = Geography.official().unitOrLatest(report.key().provinceCode(), report.key().period().lastDay())
                .map(unit -> unit.name()).orElse("?");
        return String.format("Báo cáo %s (%s), kỳ %s, lần %d - biên nhận %s, nhận lúc %s (giờ Việt Nam)", province,
                report.key().provinceCode(), report.key().period(), report.revision(), stored.receiptId(),
                Formats.dateTime(stored.acceptedAt()));
    }

    private static String module(ModuleProvenance module) {
        return module.moduleId() + " " + module.version();
    }

    private static String severity(Finding.Severity severity) {
        return switch (severity) {
            case INFO -> "Lưu ý";
            case WARNING -> "Vi phạm, cần khắc phục";
            case SERIOUS -> "Vi phạm nghiêm trọng";
        };
    }
}
