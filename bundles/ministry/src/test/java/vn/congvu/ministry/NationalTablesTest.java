package vn.congvu.ministry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;

class NationalTablesTest {

    private static Report report(String province, IndicatorValue... values) {
        return new Report(new ReportKey(province, Period.year(2022), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("x.y", "1", "ab")), List.of(values));
    }

    private static IndicatorValue commune(String code, long count) {
        return IndicatorValue.count(code, Disaggregation.of("level", "commune"), count);
    }

    @Test
    void national_rateIsRecomputedFromSummedPartsNotAveraged() {
        // province A: 1/1 on time (100%), province B: 1/99 on time; the average of rates would be 50,51%
        List<String> lines = rows(NationalTables.national("national", "test", List.of(
                report("04", commune(CoreIndicators.DOSSIER_RESOLVED, 1), commune(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, 1)),
                report("06", commune(CoreIndicators.DOSSIER_RESOLVED, 99), commune(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, 1)))));

        assertTrue(lines.contains("Tỷ lệ hồ sơ giải quyết đúng hạn | UBND cấp xã | 2,00% | % | 2 | 100 | 2"), String.join("\n", lines));
        // each province's own rate in the table per province, from its own parts
        List<String> perProvince = rows(NationalTables.perProvince("provinces", "test", List.of(
                report("04", commune(CoreIndicators.DOSSIER_RESOLVED, 1), commune(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, 1)),
                report("06", commune(CoreIndicators.DOSSIER_RESOLVED, 99), commune(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, 1)))));
        assertTrue(perProvince.contains("Cao Bằng (04) | Tỷ lệ hồ sơ giải quyết đúng hạn | UBND cấp xã | 100,00% | %"),
                String.join("\n", perProvince));
        assertTrue(perProvince.contains("Bắc Kạn (06) | Tỷ lệ hồ sơ giải quyết đúng hạn | UBND cấp xã | 1,01% | %"),
                String.join("\n", perProvince));
        assertTrue(lines.contains("Hồ sơ TTHC đã giải quyết | UBND cấp xã | 100 | hồ sơ |  |  | 2"), String.join("\n", lines));
    }

    @Test
    void national_rateCountsOnlyUnitsWhoseNumeratorIsKnown() {
        // Hà Nội: 16 of 16 online at one department; the other's 110 procedures have no online count
        List<String> lines = rows(NationalTables.national("national", "test", List.of(report("01",
                IndicatorValue.count(CoreIndicators.PROCEDURE_ONLINE, Disaggregation.of("unit", "Sở Tài chính"), 16),
                IndicatorValue.count(CoreIndicators.PROCEDURE_TOTAL, Disaggregation.of("unit", "Sở Tài chính"), 16),
                IndicatorValue.count(CoreIndicators.PROCEDURE_TOTAL, Disaggregation.of("unit", "Sở Kế hoạch và Đầu tư"), 110)))));

        assertTrue(lines.contains("Tỷ lệ TTHC trực tuyến | Tổng | 100,00% | % | 16 | 16 | 1"), String.join("\n", lines));
        assertTrue(lines.contains("Thủ tục hành chính | Tổng | 126 | thủ tục |  |  | 1"), String.join("\n", lines));
    }

    @Test
    void national_ranksAreShownPerProvinceNeverSummed() {
        List<String> lines = rows(NationalTables.national("national", "test", List.of(
                report("08", IndicatorValue.count(CoreIndicators.INDEX_RANK, Disaggregation.of("index", "PCI"), 32)),
                report("04", IndicatorValue.count(CoreIndicators.INDEX_RANK, Disaggregation.of("index", "PCI"), 58)))));

        assertTrue(lines.contains("Thứ hạng chỉ số | Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) | Tuyên Quang 32; Cao Bằng 58 | thứ hạng |  |  | 2"),
                String.join("\n", lines));
    }

    @Test
    void national_openDimensionsAddUpWithinAndAcrossProvinces() {
        List<String> lines = rows(NationalTables.national("national", "test", List.of(
                report("01", IndicatorValue.count(CoreIndicators.CONDUCT_VIOLATIONS,
                                Disaggregation.parse("rule=hanoi.badge,unit=Sở Tài chính"), 1),
                        IndicatorValue.count(CoreIndicators.CONDUCT_VIOLATIONS,
                                Disaggregation.parse("rule=hanoi.no-smoking,unit=Sở Kế hoạch và Đầu tư"), 1)),
                report("08", IndicatorValue.count(CoreIndicators.CONDUCT_VIOLATIONS,
                        Disaggregation.parse("rule=tuyenquang.xin-chao,unit=Sở Tư pháp"), 2)))));

        assertTrue(lines.contains("Lượt vi phạm quy tắc ứng xử | Tổng | 4 | lượt |  |  | 2"), String.join("\n", lines));
    }

    /** Each row's cells, joined by " | ". */
    static List<String> rows(vn.congvu.ministry.view.Table table) {
        return table.rows().stream().map(row -> row.stream().map(vn.congvu.ministry.view.Cell::text)
                .collect(java.util.stream.Collectors.joining(" | "))).toList();
    }
}
