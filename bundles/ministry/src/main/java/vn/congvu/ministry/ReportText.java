package vn.congvu.ministry;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Geography;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.store.StoredReport;

/** Writes a stored report as a Vietnamese reader reads it: figures in Vietnamese notation, rates recomputed. */
public final class ReportText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(Period.ZONE);

    private ReportText() {
    }

    /**
     * @param stored a stored report
     * @return its lines: a heading with the receipt, dossier timeliness per level, every other figure with
     *         its catalog label, the findings, and the modules that computed it
     */
    public static List<String> lines(StoredReport stored) {
        Report report = stored.report();
        // the unit's name in the report's period: a 2021 report of code 15 is Yên Bái's, not Lào Cai's
        String province = Geography.official().unitOrLatest(report.key().provinceCode(), report.key().period().lastDay())
                .map(unit -> unit.name()).orElse("?");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Báo cáo %s (%s), kỳ %s, lần %d - biên nhận %s, nhận lúc %s", province,
                report.key().provinceCode(), report.key().period(), report.revision(), stored.receipt().receiptId(),
                WHEN.format(stored.receipt().acceptedAt())));
        for (AdministrativeLevel level : AdministrativeLevel.values()) {
            report.value(CoreIndicators.DOSSIER_RESOLVED, level.disaggregation()).ifPresent(resolved -> {
                BigDecimal onTime = report.value(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, level.disaggregation())
                        .orElse(BigDecimal.ZERO);
                BigDecimal late = report.value(CoreIndicators.DOSSIER_RESOLVED_LATE, level.disaggregation())
                        .orElse(BigDecimal.ZERO);
                lines.add(String.format("  Hồ sơ TTHC, %-16s đúng hạn %s (%s/%s), trễ hạn %s", level.labelVi() + ":",
                        VietnameseNumbers.percent(onTime, resolved), VietnameseNumbers.decimal(onTime),
                        VietnameseNumbers.decimal(resolved), VietnameseNumbers.decimal(late)));
            });
        }
        for (IndicatorValue value : report.values()) {
            if (!value.code().startsWith("dossier.resolved")) {
                String label = NationalCatalog.indicator(value.code()).map(Indicator::labelVi).orElse(value.code());
                String breakdown = NationalTables.describe(value.disaggregation());
                lines.add(String.format("  %s%s: %s", label, breakdown.isEmpty() ? "" : " [" + breakdown + "]",
                        VietnameseNumbers.decimal(value.value())));
            }
        }
        for (Finding finding : report.findings()) {
            lines.add(String.format("  Phát hiện %s tại %s: %s lần (%s) - %s", finding.ruleId(), finding.unit(),
                    VietnameseNumbers.count(finding.count()), finding.severity(), finding.message()));
        }
        report.modules().forEach(module -> lines.add(String.format("  Tính bởi mô-đun %s %s (sha256 %s)",
                module.moduleId(), module.version(), module.jarSha256())));
        return lines;
    }
}
