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
        // a national total does not depend on the map: it is computed from the reports as they came in, so that a
        // rate pairs each unit's numerator with that unit's own denominator; only the ranks cannot be restated
        List<String> lines = new ArrayList<>(NationalTables.national(reported.stream().map(Restatement::withoutRanks).toList()));
        if (reported.stream().anyMatch(Restatement::hasRanks)) {
            lines.add("  " + RANKS_NOT_RESTATED);
        }
        lines.add("");
        lines.add("Theo đơn vị hành chính ngày " + today + " (restated to the units in force on " + today + "):");
        List<Report> restated = restate(reported, today);
        lines.addAll(NationalTables.perProvince(restated));
        for (Report unit : restated) {
            Period period = unit.key().period();
            List<String> filed = reported.stream().map(report -> report.key().provinceCode())
                    .filter(code -> Geography.official().successorOn(code, today).equals(unit.key().provinceCode())).toList();
            List<String> missing = missing(unit.key().provinceCode(), period, filed, today);
            if (!missing.isEmpty()) {
                lines.add("  " + label(unit.key().provinceCode(), today) + ": chưa đủ lãnh thổ, thiếu báo cáo của "
                        + labels(missing, period) + " / incomplete: no report from " + labels(missing, period));
            }
        }
        return lines;
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
        LocalDate today = LocalDate.now(Period.ZONE);
        List<Merger> mergers = Geography.official().mergersInto(code);
        List<String> lines = new ArrayList<>();
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        List<String> headers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Period previous = null;
        for (SeriesPoint point : points) {
            // the first year the unit reports a territory that grew by a merger: earlier years are the parts added up
            Period before = previous;
            List<Merger> since = before == null ? List.of() : mergers.stream()
                    .filter(merger -> !point.period().lastDay().isBefore(merger.effective())
                            && before.lastDay().isBefore(merger.effective())).toList();
            boolean changed = !since.isEmpty();
            List<String> missing = missing(code, point.period(), point.reporters(), today);
            headers.add(String.format("%14s", point.period() + (changed ? " *" : "") + (missing.isEmpty() ? "" : " †")));
            if (changed) {
                notes.add("* " + point.period() + ": " + describeChange(code, since));
            }
            if (!missing.isEmpty()) {
                notes.add("† " + point.period() + ": chưa đủ lãnh thổ, thiếu báo cáo của " + labels(missing, point.period())
                        + " / incomplete: no report from " + labels(missing, point.period()));
            }
            previous = point.period();
        }
        lines.add(String.format("%-" + width + "s", "") + String.join("", headers));
        rows.forEach((row, byPeriod) -> lines.add(String.format("%-" + width + "s", row) + points.stream()
                .map(point -> String.format("%14s", byPeriod.containsKey(point.period())
                        ? VietnameseNumbers.decimal(byPeriod.get(point.period())) : "-")).collect(Collectors.joining())));
        lines.addAll(notes);
        lines.add(RANKS_NOT_RESTATED);
        return lines;
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
