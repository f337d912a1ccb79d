package vn.congvu.ministry.internal.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Period;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.ministry.NationalTables;
import vn.congvu.ministry.Restatement;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;

/** The tables the console draws as charts: provinces ranked by on-time rate, discipline by form, a series. */
final class ChartTables {

    /** A figure not in the reports: shown as a dash, no value. */
    private static final Cell NONE = new Cell("-", null, null, null);

    private ChartTables() {
    }

    /** @return one row per province that reported dossiers, highest on-time rate first, with its parts */
    static Table onTimeRanking(Period period, List<Report> reports) {
        record Rate(Report report, BigDecimal onTime, BigDecimal resolved) {
            BigDecimal share() {
                return onTime.multiply(BigDecimal.valueOf(1_000_000)).divide(resolved, java.math.RoundingMode.HALF_UP);
            }
        }
        List<Rate> rates = new ArrayList<>();
        for (Report report : reports) {
            BigDecimal resolved = total(report, CoreIndicators.DOSSIER_RESOLVED);
            if (resolved.signum() > 0) {
                rates.add(new Rate(report, total(report, CoreIndicators.DOSSIER_RESOLVED_ON_TIME), resolved));
            }
        }
        rates.sort(Comparator.comparing(Rate::share).reversed().thenComparing(rate -> rate.report().key().provinceCode()));
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 0;
        for (Rate rate : rates) {
            rows.add(List.of(Formats.count(++rank), Cell.of(NationalTables.provinceName(rate.report())).linked("province/"
                            + rate.report().key().provinceCode()), Formats.percent(rate.onTime(), rate.resolved()),
                    Formats.decimal(rate.onTime()), Formats.decimal(rate.resolved())));
        }
        return new Table("on-time-ranking", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn theo tỉnh, kỳ " + period + " (xếp hạng)",
                List.of(Column.number("rank", "Hạng"), Column.text("province", "Tỉnh, thành phố"),
                        Column.number("onTimeRate", "Tỷ lệ đúng hạn"), Column.number("onTime", "Đúng hạn"),
                        Column.number("resolved", "Đã giải quyết")), rows,
                List.of("Tỷ lệ của mỗi tỉnh = hồ sơ đúng hạn / hồ sơ đã giải quyết, cộng mọi cấp / each province's on-time "
                        + "dossiers out of those resolved, all levels together"));
    }

    /** @return one row per discipline form, in the catalog's order, with its national total */
    static Table disciplineByForm(Period period, List<Report> reports) {
        Map<Disaggregation, BigDecimal> totals = new TreeMap<>(NationalTables.BY_CATALOG_ORDER);
        Map<Disaggregation, Integer> providers = new TreeMap<>(NationalTables.BY_CATALOG_ORDER);
        for (Report report : reports) {
            NationalTables.summedOverOpenDimensions(report, CoreIndicators.STAFF_DISCIPLINED).forEach((form, value) -> {
                totals.merge(form, value, BigDecimal::add);
                providers.merge(form, 1, Integer::sum);
            });
        }
        List<List<Cell>> rows = new ArrayList<>();
        totals.forEach((form, total) -> rows.add(List.of(Cell.of(NationalTables.describe(form)), Formats.decimal(total),
                Formats.count(providers.get(form)))));
        String unit = NationalCatalog.indicator(CoreIndicators.STAFF_DISCIPLINED).map(Indicator::unit).orElse("");
        return new Table("discipline", "Cán bộ, công chức, viên chức bị kỷ luật theo hình thức, kỳ " + period,
                List.of(Column.text("form", "Hình thức kỷ luật"), Column.number("staff", "Số " + unit),
                        Column.number("provinces", "Số tỉnh có số liệu")), rows, List.of());
    }

    /**
     * @return one row per year of a unit's series: its dossier on-time rate with parts, staff rated and staff
     *     disciplined, the units added up, the break marked
     */
    static Table headlineSeries(String code, List<Restatement.SeriesPoint> points) {
        Map<Period, ?> breaks = Restatement.breaks(code, points);
        List<List<Cell>> rows = new ArrayList<>();
        Period previous = null;
        for (Restatement.SeriesPoint point : points) {
            // a year with no report is a row too, so that a chart's years are evenly spaced and a gap shows
            for (int year = previous == null ? point.period().year() : previous.year() + 1; year < point.period().year(); year++) {
                rows.add(List.of(Cell.of(String.valueOf(year)), NONE, NONE, NONE, NONE, NONE,
                        Cell.of("(không có báo cáo)"), Cell.EMPTY));
            }
            previous = point.period();
            Report restated = point.restated();
            BigDecimal resolved = total(restated, CoreIndicators.DOSSIER_RESOLVED);
            BigDecimal onTime = total(restated, CoreIndicators.DOSSIER_RESOLVED_ON_TIME);
            rows.add(List.of(Cell.of(point.period().toString()), Formats.percent(onTime, resolved), Formats.decimal(onTime),
                    Formats.decimal(resolved), counted(restated, CoreIndicators.STAFF_RATED),
                    counted(restated, CoreIndicators.STAFF_DISCIPLINED),
                    Cell.of(String.join(", ", point.reporters().stream().map(Formats::unit).toList())),
                    breaks.containsKey(point.period()) ? Cell.of("Thay đổi lãnh thổ (sáp nhập)").shown("break") : Cell.EMPTY));
        }
        return new Table("headline-series", "Số liệu chính qua các năm của " + Formats.unit(code)
                + ", theo lãnh thổ hiện nay", List.of(Column.text("year", "Năm"), Column.number("onTimeRate", "Tỷ lệ hồ sơ đúng hạn"),
                Column.number("onTime", "Hồ sơ đúng hạn"), Column.number("resolved", "Hồ sơ đã giải quyết"),
                Column.number("rated", "CBCCVC được đánh giá"), Column.number("disciplined", "CBCCVC bị kỷ luật"),
                Column.text("reporters", "Đơn vị báo cáo"), Column.text("break", "Gián đoạn chuỗi")), rows,
                List.of("Các năm trước khi sáp nhập là tổng số liệu của các đơn vị cũ / before a merger, the former units' "
                        + "figures added up", "\"-\": không có trong báo cáo / not in the reports"));
    }

    private static Cell counted(Report report, String code) {
        return report.values().stream().anyMatch(value -> value.code().equals(code))
                ? Formats.decimal(total(report, code)) : NONE;
    }

    /** A report's value of an indicator: its total if reported, else the sum of its breakdowns. */
    private static BigDecimal total(Report report, String code) {
        return report.value(code, Disaggregation.TOTAL).orElseGet(() -> report.values().stream()
                .filter(value -> value.code().equals(code)).map(value -> value.value()).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
