package vn.congvu.ministry.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.ministry.internal.InMemoryMinistryStore;
import vn.congvu.ministry.internal.StoredReportQueries;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.ReportingCalendar;
import vn.congvu.ministry.view.Table;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;
import vn.congvu.store.Refusal;

/**
 * The reporting calendar as the console and the commands show it: on time and late by the first revision's day in
 * Vietnam, refused, missing, not yet due, superseded; rates as DHIS2 defines them; the fleet's silent nodes.
 */
class StoredViewsTest {

    /** 20 December 2023 is the due date of the 2023 annual report (cut off on the 14th). */
    private static final Instant DUE_2023_LAST_MINUTE_IN_HANOI = Instant.parse("2023-12-20T16:59:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private final InMemoryMinistryStore store = new InMemoryMinistryStore();
    private final StoredViews views = new StoredViews(ReportingCalendar.defaults(), Duration.ofMinutes(15), store,
            new StoredReportQueries(store), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Report report(String province, int year, int revision, long resolved, long onTime) {
        Disaggregation commune = Disaggregation.of("level", "commune");
        return new Report(new ReportKey(province, Period.year(year), Regime.PERIODIC), revision,
                List.of(new ModuleProvenance("x.y", "1", "ab")), List.of(
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, commune, resolved),
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, commune, onTime)));
    }

    private void fileAt(Instant when, Report report) {
        store.acceptAt(Clock.fixed(when, ZoneOffset.UTC));
        store.storeReport(report, when);
    }

    private static Map<String, Cell> row(Table table, String code) {
        List<Cell> cells = table.rows().stream().filter(row -> row.get(0).text().equals(code)).findFirst().orElseThrow(() ->
                new AssertionError("no row " + code + " in " + table.rows().size() + " rows"));
        return table.columns().stream().collect(Collectors.toMap(column -> column.key(),
                column -> cells.get(table.columns().indexOf(column))));
    }

    @Test
    void completeness_onTimeByVietnamsDay_lateByDays_refused_missing_superseded() {
        fileAt(DUE_2023_LAST_MINUTE_IN_HANOI, report("01", 2023, 1, 100, 90));          // 23:59 on the 20th in Hà Nội
        fileAt(Instant.parse("2023-12-20T17:00:00Z"), report("04", 2023, 1, 100, 80));  // 00:00 on the 21st: a day late
        fileAt(Instant.parse("2024-01-02T03:00:00Z"), report("42", 2023, 1, 10, 5));    // 13 days late
        fileAt(Instant.parse("2024-03-01T03:00:00Z"), report("42", 2023, 2, 10, 6));    // a correction: still 13 days late
        store.recordRefusal(new Refusal(new ReportKey("08", Period.year(2023), Regime.PERIODIC), 1,
                Instant.parse("2023-12-18T03:00:00Z"), 3, List.of("values[0].value: không phải số")));

        Table matrix = views.completeness(Regime.PERIODIC, 2023);

        assertEquals(63, matrix.rows().size(), "every unit of the 2023 map is expected");
        assertEquals("on-time", row(matrix, "01").get("2023").status());
        assertEquals("Đúng hạn (20/12/2023)", row(matrix, "01").get("2023").text());
        assertEquals("Trễ 1 ngày (21/12/2023)", row(matrix, "04").get("2023").text());
        assertEquals("Trễ 13 ngày (02/01/2024), đã sửa: lần 2", row(matrix, "42").get("2023").text());
        assertEquals("Bị từ chối (3 vấn đề)", row(matrix, "08").get("2023").text());
        assertEquals("missing", row(matrix, "19").get("2023").status());
        assertEquals("report/01/2023?regime=PERIODIC", row(matrix, "01").get("2023").link());

        Map<String, Cell> rates = row(views.reportingRates(Regime.PERIODIC, 2023), "2023");
        assertEquals("63", rates.get("expected").text());
        assertEquals("3", rates.get("received").text());
        assertEquals("4,76%", rates.get("reportingRate").text());
        assertEquals("1", rates.get("onTime").text());
        assertEquals("1,59%", rates.get("onTimeRate").text());
        assertEquals("2", rates.get("late").text());
        assertEquals("1", rates.get("refused").text());
        assertEquals("59", rates.get("missing").text());
    }

    @Test
    void completeness_onTheNewMap_expectsThe34Units_andAPeriodNotYetDueIsNotMissing() {
        fileAt(Instant.parse("2026-12-01T03:00:00Z"), report("19", 2026, 1, 10, 9));

        Table matrix = views.completeness(Regime.PERIODIC, 2026);

        assertEquals(34, matrix.rows().size());
        assertTrue(matrix.rows().stream().noneMatch(row -> row.get(0).text().equals("06")), "Bắc Kạn merged in 2025");
        assertEquals("on-time", row(matrix, "19").get("2026").status());
        assertEquals("Chưa đến hạn (20/12/2026)", row(matrix, "01").get("2026").text());
        Map<String, Cell> rates = row(views.reportingRates(Regime.PERIODIC, 2026), "2026");
        assertEquals("1 | 34 | 33", rates.get("received").text() + " | " + rates.get("expected").text() + " | "
                + rates.get("notDue").text());
    }

    @Test
    void provinceReports_listEveryRevisionWithItsReceipt_theEarlierOneSuperseded() {
        fileAt(Instant.parse("2024-01-02T03:00:00Z"), report("42", 2023, 1, 10, 5));
        fileAt(Instant.parse("2024-03-01T03:00:00Z"), report("42", 2023, 2, 10, 6));

        Table reports = views.provinceReports("42").get(0);

        assertEquals(2, reports.rows().size());
        assertEquals("Đã được thay bằng lần 2", reports.rows().get(0).get(6).text());
        assertEquals("Hiện hành", reports.rows().get(1).get(6).text());
        assertEquals("02/01/2024 10:00", reports.rows().get(0).get(4).text(), "Vietnam's time");
        assertTrue(reports.rows().get(0).get(3).text().startsWith("BNV-TEST-"));
        assertEquals(Optional.of(6), views.report(new ReportKey("42", Period.year(2023), Regime.PERIODIC), Optional.empty())
                .map(tables -> tables.get(0).rows().stream().filter(row -> row.get(0).text().equals("Hồ sơ giải quyết trước, đúng hạn"))
                        .findFirst().orElseThrow().get(2).value()).map(value -> ((java.math.BigDecimal) value).intValue()));
    }

    @Test
    void fleet_marksANodeNotHeardFromForLongerThanTheLimit_andAUnitNeverHeardFrom() {
        store.recordInventory(new NodeInventory("04", NOW.minusSeconds(3600), NOW.minusSeconds(3600), List.of(
                new NodeModule("caobang.dossiers", "1.2.0", "ab", "04", "Hồ sơ", "NĐ 61", NOW.minusSeconds(7200),
                "CN=Sở Nội vụ tỉnh Cao Bằng\\, phòng CNTT, O=UBND, C=VN (sha256 1a2b3c4d5e6f)"))));
        store.recordInventory(new NodeInventory("01", NOW.minusSeconds(60), NOW.minusSeconds(60), List.of()));

        Table fleet = views.fleet();

        assertEquals("IM LẶNG 1 giờ", row(fleet, "Cao Bằng (04)").get("state").text());
        assertEquals("silent", row(fleet, "Cao Bằng (04)").get("state").status());
        assertEquals("1.2.0", row(fleet, "Cao Bằng (04)").get("version").text());
        assertEquals("Sở Nội vụ tỉnh Cao Bằng, phòng CNTT (sha256 1a2b3c4d5e6f)", row(fleet, "Cao Bằng (04)").get("signer").text());
        assertEquals("Hoạt động", row(fleet, "Hà Nội (01)").get("state").text());
        assertEquals("Chưa từng liên lạc", row(fleet, "Thái Nguyên (19)").get("state").text());
    }
}
