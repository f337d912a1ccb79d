package vn.congvu.ministry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Geography;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Merger;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.catalog.Aggregation;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;

/**
 * Reports restated to a later map: each unit in force on the day stands for its whole territory, its
 * predecessors' figures added to its own (counts summed, largest values kept; rates are recomputed from the summed
 * parts wherever they are shown). Ranks are never restated: a rank among 63 says nothing among 34, so they are
 * left out and said to be not comparable.
 */
public final class Restatement {

    /** Said wherever ranks would be. */
    public static final String RANKS_NOT_RESTATED = "Thứ hạng: không tính lại theo bản đồ mới, không so sánh được "
            + "(ranks are not restated: not comparable across maps)";

    private Restatement() {
    }

    /**
     * @param reported the latest report of each unit that reported the period
     * @param today    the day whose map to restate to
     * @return one report per unit in force on {@code today} whose territory holds any of them, by code
     */
    public static List<Report> restate(List<Report> reported, LocalDate today) {
        Geography geography = Geography.official();
        Map<String, List<Report>> bySuccessor = new TreeMap<>();
        for (Report report : reported) {
            bySuccessor.computeIfAbsent(geography.successorOn(report.key().provinceCode(), today), any -> new ArrayList<>())
                    .add(report);
        }
        List<Report> restated = new ArrayList<>();
        bySuccessor.forEach((code, parts) -> restated.add(combine(code, parts)));
        return restated;
    }

    /** One unit's parts as one report: its own key, every module, counts summed and largest values kept, no ranks. */
    private static Report combine(String code, List<Report> parts) {
        Report first = parts.get(0);
        Map<String, Map<Disaggregation, BigDecimal>> values = new TreeMap<>();
        Map<String, ModuleProvenance> modules = new LinkedHashMap<>();
        for (Report part : parts) {
            part.modules().forEach(module -> modules.putIfAbsent(module.moduleId() + "@" + module.version(), module));
            for (IndicatorValue value : part.values()) {
                Aggregation aggregation = NationalCatalog.indicator(value.code()).map(Indicator::aggregation)
                        .orElse(Aggregation.SUM);
                if (aggregation == Aggregation.NONE) {
                    continue;
                }
                values.computeIfAbsent(value.code(), any -> new TreeMap<>()).merge(value.disaggregation(), value.value(),
                        aggregation == Aggregation.MAX ? BigDecimal::max : BigDecimal::add);
            }
        }
        List<IndicatorValue> combined = new ArrayList<>();
        values.forEach((indicator, breakdowns) -> breakdowns.forEach((breakdown, value) ->
                combined.add(new IndicatorValue(indicator, breakdown, value))));
        // one module id may appear in two versions across predecessors: keep one line per id, as a report does
        Map<String, ModuleProvenance> byId = new TreeMap<>();
        modules.values().forEach(module -> byId.putIfAbsent(module.moduleId(), module));
        return new Report(new ReportKey(code, first.key().period(), Regime.PERIODIC), 1, List.copyOf(byId.values()), combined);
    }

    /**
     * The national table and the per-unit table of a period, restated to the map of {@code today}.
     *
     * @param period   the period
     * @param reported the latest report of each unit that reported the period
     * @param today    the day whose map to restate to
     * @return the national table and the table per unit in force on {@code today}, with notes on what is missing
     */
    public static List<Table> tables(Period period, List<Report> reported, LocalDate today) {
        // a national total does not depend on the map: it is computed from the reports as they came in, so that a
        // rate pairs each unit's numerator with that unit's own denominator; only the ranks cannot be restated
        Table national = NationalTables.national("national-restated", "Số liệu toàn quốc kỳ " + period + ", tính lại theo "
                + Geography.official().unitsOn(today).size() + " đơn vị hành chính ngày " + Formats.date(today),
                reported.stream().map(Restatement::withoutRanks).toList());
        List<String> nationalNotes = new ArrayList<>(national.notes());
        if (reported.stream().anyMatch(Restatement::hasRanks)) {
            nationalNotes.add(RANKS_NOT_RESTATED);
        }
        List<Report> restated = restate(reported, today);
        Table units = NationalTables.perProvince("provinces-restated", "Số liệu theo đơn vị hành chính ngày "
                + Formats.date(today) + " (restated to the units in force on " + today + ")", restated);
        List<String> unitNotes = new ArrayList<>();
        for (Report unit : restated) {
            List<String> filed = reported.stream().map(report -> report.key().provinceCode())
                    .filter(code -> Geography.official().successorOn(code, today).equals(unit.key().provinceCode())).toList();
            List<String> missing = missing(unit.key().provinceCode(), unit.key().period(), filed, today);
            if (!missing.isEmpty()) {
                unitNotes.add(label(unit.key().provinceCode(), today) + ": chưa đủ lãnh thổ, thiếu báo cáo của "
                        + labels(missing, unit.key().period()) + " / incomplete: no report from " + labels(missing, unit.key().period()));
            }
            if (filed.size() > 1 || !filed.contains(unit.key().provinceCode())) {
                unitNotes.add(label(unit.key().provinceCode(), today) + ": cộng số liệu của " + labels(filed, unit.key().period())
                        + " / the figures of " + labels(filed, unit.key().period()) + " added up");
            }
        }
        return List.of(new Table(national.id(), national.title(), national.columns(), national.rows(), nationalNotes),
                new Table(units.id(), units.title(), units.columns(), units.rows(), unitNotes));
    }

    private static Report withoutRanks(Report report) {
        return new Report(report.key(), report.revision(), report.modules(), report.values().stream()
                .filter(value -> NationalCatalog.indicator(value.code()).map(Indicator::aggregation)
                        .orElse(Aggregation.SUM) != Aggregation.NONE).toList(), report.findings());
    }

    /** The units of the territory that should have reported the period and did not. */
    private static List<String> missing(String code, Period period, List<String> filed, LocalDate today) {
        Geography geography = Geography.official();
        return geography.territoryOf(code, today).stream()
                .filter(part -> geography.reportingProblem(part, period).isEmpty() && !filed.contains(part)).toList();
    }

    private static String label(String code, LocalDate day) {
        return Geography.official().unitOrLatest(code, day).map(ProvincialUnit::label).orElse(code);
    }

    private static String labels(List<String> codes, Period period) {
        return codes.stream().map(code -> label(code, period.lastDay())).collect(Collectors.joining(", "));
    }

    private static boolean hasRanks(Report report) {
        return report.values().stream().anyMatch(value -> NationalCatalog.indicator(value.code())
                .map(indicator -> indicator.aggregation() == Aggregation.NONE).orElse(false));
    }

    /**
     * One point of a unit's series: a period, the units whose reports make it up, and their figures restated.
     *
     * @param period   the period
     * @param reporters the codes whose reports were added up (the unit itself, and predecessors before a merger)
     * @param restated the figures, restated to the unit's territory today
     */
    public record SeriesPoint(Period period, List<String> reporters, Report restated) {
    }

    /**
     * A unit's annual series, restated to its territory on {@code today}.
     *
     * @param code    a unit in force today
     * @param reports the latest report of every unit and period held
     * @param today   the day whose map to restate to
     * @return one point per year with a report from the unit's territory, oldest first
     */
    public static List<SeriesPoint> series(String code, List<Report> reports, LocalDate today) {
        List<String> territory = Geography.official().territoryOf(code, today);
        Map<Period, List<Report>> byYear = new TreeMap<>();
        for (Report report : reports) {
            Period period = report.key().period();
            if (report.key().regime() == Regime.PERIODIC && period.kind() == vn.congvu.api.PeriodKind.YEAR
                    && territory.contains(report.key().provinceCode())
                    && Geography.official().reportingProblem(report.key().provinceCode(), period).isEmpty()) {
                byYear.computeIfAbsent(period, any -> new ArrayList<>()).add(report);
            }
        }
        List<SeriesPoint> points = new ArrayList<>();
        byYear.forEach((period, parts) -> points.add(new SeriesPoint(period,
                parts.stream().map(part -> part.key().provinceCode()).sorted().toList(), combine(code, parts))));
        return points;
    }

    /**
     * @param code   a unit in force today
     * @param points its series
     * @return the series as a table: one row per indicator and breakdown, one column per year; a year whose territory
     *     grew by a merger is marked {@code *} and one missing part of its territory {@code †}, each explained in a note
     */
    public static Table seriesTable(String code, List<SeriesPoint> points) {
        Map<String, Map<Period, BigDecimal>> rows = new LinkedHashMap<>();
        for (Indicator indicator : NationalCatalog.indicators()) {
            for (SeriesPoint point : points) {
                NationalTables.summedOverOpenDimensions(point.restated(), indicator.code()).forEach((breakdown, value) ->
                        rows.computeIfAbsent(indicator.labelVi() + " | " + NationalTables.describe(breakdown),
                                any -> new TreeMap<>()).merge(point.period(), value, BigDecimal::add));
            }
        }
        LocalDate today = LocalDate.now(Period.ZONE);
        Map<Period, List<Merger>> breaks = breaks(code, points);
        List<Column> columns = new ArrayList<>(List.of(Column.text("indicator", "Chỉ tiêu"), Column.text("breakdown", "Phân tổ")));
        List<String> notes = new ArrayList<>();
        for (SeriesPoint point : points) {
            List<Merger> since = breaks.getOrDefault(point.period(), List.of());
            List<String> missing = missing(code, point.period(), point.reporters(), today);
            columns.add(Column.number(point.period().toString(), point.period() + (since.isEmpty() ? "" : " *")
                    + (missing.isEmpty() ? "" : " †")));
            if (!since.isEmpty()) {
                notes.add("* " + point.period() + ": " + describeChange(code, since));
            }
            if (!missing.isEmpty()) {
                notes.add("† " + point.period() + ": chưa đủ lãnh thổ, thiếu báo cáo của " + labels(missing, point.period())
                        + " / incomplete: no report from " + labels(missing, point.period()));
            }
        }
        notes.add(RANKS_NOT_RESTATED);
        List<List<Cell>> cells = new ArrayList<>();
        rows.forEach((row, byPeriod) -> {
            String[] parts = row.split(" \\| ", 2);
            List<Cell> line = new ArrayList<>(List.of(Cell.of(parts[0]), Cell.of(parts[1])));
            points.forEach(point -> line.add(byPeriod.containsKey(point.period())
                    ? Formats.decimal(byPeriod.get(point.period())) : new Cell("-", null, null, null)));
            cells.add(line);
        });
        return new Table("series", "Chuỗi số liệu năm của " + label(code, today) + ", theo lãnh thổ hiện nay / restated to "
                + "its territory today", columns, cells, notes);
    }

    /**
     * @param code   a unit in force today
     * @param points its series
     * @return the years whose territory grew by a merger into the unit (the breaks in its series), each with the
     *     mergers that took effect since the year before
     */
    public static Map<Period, List<Merger>> breaks(String code, List<SeriesPoint> points) {
        List<Merger> mergers = Geography.official().mergersInto(code);
        Map<Period, List<Merger>> breaks = new TreeMap<>();
        for (int index = 1; index < points.size(); index++) {
            Period before = points.get(index - 1).period();
            Period period = points.get(index).period();
            List<Merger> since = mergers.stream().filter(merger -> !period.lastDay().isBefore(merger.effective())
                    && before.lastDay().isBefore(merger.effective())).toList();
            if (!since.isEmpty()) {
                breaks.put(period, since);
            }
        }
        return breaks;
    }

    private static String describeChange(String code, List<Merger> mergers) {
        String names = mergers.stream().map(merger -> label(merger.predecessor(), merger.effective().minusDays(1)))
                .collect(Collectors.joining(", "));
        String acts = mergers.stream().map(merger -> merger.act() + ", " + merger.effective()).distinct()
                .collect(Collectors.joining("; "));
        return "từ kỳ này " + code + " báo cáo cả lãnh thổ của " + names + " (" + acts + "); các kỳ trước là tổng số liệu "
                + "của các đơn vị cũ / from here on " + code + " reports the territory of " + names
                + " too; earlier years are the former units' figures added up";
    }
}
