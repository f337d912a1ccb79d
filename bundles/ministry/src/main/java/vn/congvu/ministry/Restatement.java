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
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.catalog.Aggregation;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.format.VietnameseNumbers;

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
     * @param reported the latest report of each unit that reported the period
     * @param today    the day whose map to restate to
     * @return the lines
     */
    public static List<String> tables(List<Report> reported, LocalDate today) {
        List<Report> restated = restate(reported, today);
        List<String> lines = new ArrayList<>(NationalTables.national(restated));
        if (reported.stream().anyMatch(Restatement::hasRanks)) {
            lines.add("  " + RANKS_NOT_RESTATED);
        }
        lines.add("");
        lines.add("Theo đơn vị hành chính ngày " + today + " (restated to the units in force on " + today + "):");
        lines.addAll(NationalTables.perProvince(restated));
        return lines;
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
     * @return the series as a table: one row per indicator and breakdown, one column per year; a year whose reporting
     *     units differ from the year before is marked, with a note saying what changed
     */
    public static List<String> seriesTable(String code, List<SeriesPoint> points) {
        Map<String, Map<Period, BigDecimal>> rows = new TreeMap<>();
        for (SeriesPoint point : points) {
            for (IndicatorValue value : point.restated().values()) {
                String row = (value.code() + " " + NationalTables.describe(NationalTables.closedPart(value.disaggregation()))).trim();
                rows.computeIfAbsent(row, any -> new TreeMap<>()).merge(point.period(), value.value(), BigDecimal::add);
            }
        }
        List<String> lines = new ArrayList<>();
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        List<String> headers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> previous = null;
        for (SeriesPoint point : points) {
            boolean changed = previous != null && !previous.equals(point.reporters());
            headers.add(String.format("%14s", point.period() + (changed ? " *" : "")));
            if (changed) {
                notes.add("* " + point.period() + ": " + describeChange(code, previous, point.reporters()));
            }
            previous = point.reporters();
        }
        lines.add(String.format("%-" + width + "s", "") + String.join("", headers));
        rows.forEach((row, byPeriod) -> lines.add(String.format("%-" + width + "s", row) + points.stream()
                .map(point -> String.format("%14s", byPeriod.containsKey(point.period())
                        ? VietnameseNumbers.decimal(byPeriod.get(point.period())) : "-")).collect(Collectors.joining())));
        lines.addAll(notes);
        return lines;
    }

    private static String describeChange(String code, List<String> before, List<String> after) {
        Geography geography = Geography.official();
        List<String> merged = before.stream().filter(reporter -> !after.contains(reporter)).toList();
        String names = merged.stream().map(reporter -> geography.latest(reporter).map(unit -> unit.label()).orElse(reporter))
                .collect(Collectors.joining(", "));
        String act = merged.stream().map(geography::mergerOf).filter(java.util.Optional::isPresent)
                .map(merger -> merger.get().act() + ", " + merger.get().effective()).distinct().collect(Collectors.joining("; "));
        return merged.isEmpty() ? "reporting units " + before + " -> " + after
                : "từ kỳ này " + code + " báo cáo cả lãnh thổ của " + names + " (" + act + "); các kỳ trước là tổng số liệu "
                        + "của các đơn vị cũ / from here on " + code + " reports the territory of " + names
                        + "; earlier years are the former units' figures added up";
    }
}
