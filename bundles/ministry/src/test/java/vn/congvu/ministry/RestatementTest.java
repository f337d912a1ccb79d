package vn.congvu.ministry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
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

/** Figures restated to today's 34 units: predecessors under their successor, rates from parts, ranks never. */
class RestatementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Report report(String province, int year, long resolved, long onTime, long pciRank) {
        Disaggregation department = Disaggregation.of("level", "department");
        return new Report(new ReportKey(province, Period.year(year), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("x.y", "1", "ab")), List.of(
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, department, resolved),
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, department, onTime),
                IndicatorValue.count(CoreIndicators.INDEX_RANK, Disaggregation.of("index", "PCI"), pciRank)));
    }

    @Test
    void a2021Table_putsBacKanUnderThaiNguyen_ratesFromParts_ranksNotRestated() {
        List<Report> reported = List.of(report("04", 2021, 100, 99, 40), report("06", 2021, 300, 150, 60),
                report("19", 2021, 100, 50, 20));

        List<Report> restated = Restatement.restate(reported, TODAY);

        assertEquals(List.of("04", "19"), restated.stream().map(report -> report.key().provinceCode()).toList());
        Report thaiNguyen = restated.get(1);
        assertEquals(new BigDecimal("400"), thaiNguyen.value(CoreIndicators.DOSSIER_RESOLVED,
                Disaggregation.of("level", "department")).orElseThrow());
        assertTrue(thaiNguyen.values().stream().noneMatch(value -> value.code().equals(CoreIndicators.INDEX_RANK)));

        List<vn.congvu.ministry.view.Table> tables = Restatement.tables(Period.year(2021), reported, TODAY);
        String text = vn.congvu.ministry.view.TableText.text(tables);
        // 299 of 500 on time nationally, whatever the map; Thái Nguyên's own row holds 400 = 300 + 100
        assertTrue(NationalTablesTest.rows(tables.get(0)).contains(
                "Tỷ lệ hồ sơ giải quyết đúng hạn | Sở, ban, ngành | 59,80% | % | 299 | 500 | 3"), text);
        assertTrue(tables.get(0).notes().contains(Restatement.RANKS_NOT_RESTATED), text);
        assertTrue(NationalTablesTest.rows(tables.get(1)).contains(
                "Thái Nguyên (19) | Hồ sơ TTHC đã giải quyết | Sở, ban, ngành | 400 | hồ sơ"), text);
        assertTrue(NationalTablesTest.rows(tables.get(1)).stream().noneMatch(row -> row.startsWith("Bắc Kạn")),
                "no row for a unit not in force today: " + text);
        assertTrue(tables.get(1).notes().stream().anyMatch(note -> note.startsWith("Thái Nguyên (19): cộng số liệu của Bắc Kạn (06)")),
                text);
    }

    @Test
    void aSeries_addsPredecessorsBeforeTheMerger_andMarksTheYearTheTerritoryChanged() {
        List<Report> held = List.of(report("06", 2019, 300, 150, 60), report("19", 2019, 100, 50, 20),
                report("19", 2026, 450, 400, 10), report("04", 2019, 1, 1, 1),
                // stored before the map changed: never counted beside Thái Nguyên's own 2026
                report("06", 2026, 999, 999, 1));

        List<Restatement.SeriesPoint> points = Restatement.series("19", held, TODAY);

        assertEquals(List.of(Period.year(2019), Period.year(2026)), points.stream().map(Restatement.SeriesPoint::period).toList());
        assertEquals(List.of("06", "19"), points.get(0).reporters());
        assertEquals(List.of("19"), points.get(1).reporters());
        vn.congvu.ministry.view.Table table = Restatement.seriesTable("19", points);
        String text = vn.congvu.ministry.view.TableText.text(List.of(table));
        assertEquals("2026 *", table.columns().get(3).label(), text);
        assertTrue(text.contains(Restatement.RANKS_NOT_RESTATED), text);
        // a year without Thái Nguyên's own report is marked incomplete
        vn.congvu.ministry.view.Table bacKanOnly = Restatement.seriesTable("19", Restatement.series("19",
                List.of(report("06", 2020, 1, 1, 1)), TODAY));
        assertTrue(bacKanOnly.notes().contains("† 2020: chưa đủ lãnh thổ, thiếu báo cáo của Thái Nguyên (19) / incomplete: "
                + "no report from Thái Nguyên (19)"), bacKanOnly.notes().toString());
        assertTrue(text.contains("Bắc Kạn (06)") && text.contains("Nghị quyết 202/2025/QH15"), text);
        assertTrue(NationalTablesTest.rows(table).contains("Hồ sơ TTHC đã giải quyết | Sở, ban, ngành | 400 | 450"), text);
    }

    @Test
    void aRestatedRate_pairsEachUnitsParts_andAUnitMissingPartOfItsTerritoryIsSaidToBeIncomplete() {
        Disaggregation total = Disaggregation.TOTAL;
        // Bắc Kạn counted its feedback but not which was about procedures; Thái Nguyên counted both
        Report bacKan = new Report(new ReportKey("06", Period.year(2021), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("x.y", "1", "ab")),
                List.of(IndicatorValue.count(CoreIndicators.FEEDBACK_RECEIVED, total, 100)));
        Report thaiNguyen = new Report(new ReportKey("19", Period.year(2021), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("x.y", "1", "ab")), List.of(
                IndicatorValue.count(CoreIndicators.FEEDBACK_RECEIVED, total, 200),
                IndicatorValue.count(CoreIndicators.FEEDBACK_ON_PROCEDURES, total, 20)));

        List<vn.congvu.ministry.view.Table> both = Restatement.tables(Period.year(2021), List.of(bacKan, thaiNguyen), TODAY);
        assertTrue(NationalTablesTest.rows(both.get(0)).stream().anyMatch(row -> row.contains("| 10,00% | % | 20 | 200 |")),
                "the share as reported, whatever the map: " + NationalTablesTest.rows(both.get(0)));

        String bacKanAlone = vn.congvu.ministry.view.TableText.text(Restatement.tables(Period.year(2021), List.of(bacKan), TODAY));
        assertTrue(bacKanAlone.contains("incomplete: no report from Thái Nguyên (19)"), bacKanAlone);
    }
}
