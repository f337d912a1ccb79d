package vn.congvu.ministry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Geography;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.Aggregation;
import vn.congvu.api.catalog.Code;
import vn.congvu.api.catalog.Dimension;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.format.VietnameseNumbers;

/**
 * The national figures of one period from the provinces' latest reports, as tables a Vietnamese reader
 * reads: totals for SUM indicators, the largest value for MAX, rates recomputed from the summed parts
 * (never averaged), ranks shown per province; and a table of every figure per province. Open dimensions
 * (unit names, a province's own rule codes) mean nothing across provinces, so both views add up over them;
 * the detail stays in each province's report.
 */
public final class NationalTables {

    private NationalTables() {
    }

    /**
     * @param reports the latest report of each province for one period
     * @return the national table, one line per indicator and breakdown
     */
    public static List<String> national(List<Report> reports) {
        List<String> lines = new ArrayList<>();
        for (Indicator indicator : NationalCatalog.indicators()) {
            switch (indicator.aggregation()) {
                case SUM, MAX -> totals(reports, indicator.code(), indicator.aggregation()).forEach((breakdown, total) ->
                        lines.add(row(indicator, breakdown, VietnameseNumbers.decimal(total) + " " + indicator.unit()
                                + "  (" + providers(reports, indicator.code(), breakdown) + " tỉnh)")));
                case RATIO -> ratios(reports, indicator).forEach((breakdown, parts) ->
                        lines.add(row(indicator, breakdown, VietnameseNumbers.percent(parts[0], parts[1]) + "  ("
                                + VietnameseNumbers.decimal(parts[0]) + "/" + VietnameseNumbers.decimal(parts[1]) + ")")));
                case NONE -> {
                    Map<Disaggregation, List<String>> perProvince = new TreeMap<>();
                    for (Report report : reports) {
                        summedOverOpenDimensions(report, indicator.code()).forEach((breakdown, value) ->
                                perProvince.computeIfAbsent(breakdown, any -> new ArrayList<>())
                                        .add(provinceName(report) + " " + VietnameseNumbers.decimal(value)));
                    }
                    perProvince.forEach((breakdown, ranks) -> lines.add(row(indicator, breakdown, String.join("; ", ranks))));
                }
            }
        }
        return lines;
    }

    /**
     * @param reports the latest report of each province for one period
     * @return every figure, one row per indicator and breakdown, one column per province
     */
    public static List<String> perProvince(List<Report> reports) {
        List<Report> sorted = reports.stream().sorted((a, b) -> a.key().provinceCode().compareTo(b.key().provinceCode())).toList();
        Map<String, Map<String, BigDecimal>> rows = new TreeMap<>();
        for (Report report : sorted) {
            for (IndicatorValue value : report.values()) {
                String row = value.code() + " " + describe(closedPart(value.disaggregation()));
                rows.computeIfAbsent(row.trim(), any -> new HashMap<>()).merge(report.key().provinceCode(), value.value(), BigDecimal::add);
            }
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-" + width + "s", "") + sorted.stream()
                .map(report -> String.format("%14s", shorten(provinceName(report)))).collect(Collectors.joining()));
        rows.forEach((row, values) -> lines.add(String.format("%-" + width + "s", row) + sorted.stream()
                .map(report -> String.format("%14s", Optional.ofNullable(values.get(report.key().provinceCode()))
                        .map(VietnameseNumbers::decimal).orElse("-"))).collect(Collectors.joining())));
        return lines;
    }

    private static Map<Disaggregation, BigDecimal> totals(List<Report> reports, String code, Aggregation aggregation) {
        Map<Disaggregation, BigDecimal> totals = new TreeMap<>();
        for (Report report : reports) {
            // a province's own values add up over open dimensions first, whatever the aggregation across provinces
            summedOverOpenDimensions(report, code).forEach((breakdown, value) ->
                    totals.merge(breakdown, value, aggregation == Aggregation.MAX ? BigDecimal::max : BigDecimal::add));
        }
        return totals;
    }

    private static Map<Disaggregation, BigDecimal> summedOverOpenDimensions(Report report, String code) {
        Map<Disaggregation, BigDecimal> sums = new TreeMap<>();
        report.values().stream().filter(value -> value.code().equals(code))
                .forEach(value -> sums.merge(closedPart(value.disaggregation()), value.value(), BigDecimal::add));
        return sums;
    }

    static Disaggregation closedPart(Disaggregation breakdown) {
        Map<String, String> closed = new HashMap<>(breakdown.dimensions());
        closed.keySet().removeIf(name -> NationalCatalog.dimension(name).map(Dimension::open).orElse(true));
        return new Disaggregation(closed);
    }

    /**
     * Numerator and denominator summed over provinces, per breakdown of the numerator (open dimensions
     * summed over). Only pairs reported together count: a unit whose numerator is unknown adds nothing to
     * the denominator either.
     */
    private static Map<Disaggregation, BigDecimal[]> ratios(List<Report> reports, Indicator ratio) {
        List<String> denominatorDimensions = NationalCatalog.indicator(ratio.denominator()).orElseThrow().dimensions();
        Map<Disaggregation, BigDecimal[]> ratios = new TreeMap<>();
        for (Report report : reports) {
            report.values().stream().filter(value -> value.code().equals(ratio.numerator())).forEach(numerator -> {
                Map<String, String> reduced = new HashMap<>(numerator.disaggregation().dimensions());
                reduced.keySet().retainAll(denominatorDimensions);
                report.value(ratio.denominator(), new Disaggregation(reduced)).ifPresent(denominator -> {
                    BigDecimal[] parts = ratios.computeIfAbsent(closedPart(numerator.disaggregation()),
                            any -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    parts[0] = parts[0].add(numerator.value());
                    parts[1] = parts[1].add(denominator);
                });
            });
        }
        return ratios;
    }

    private static long providers(List<Report> reports, String code, Disaggregation breakdown) {
        return reports.stream().filter(report -> summedOverOpenDimensions(report, code).containsKey(breakdown)).count();
    }

    private static String row(Indicator indicator, Disaggregation breakdown, String value) {
        return "  " + indicator.labelVi() + (breakdown.dimensions().isEmpty() ? "" : " [" + describe(breakdown) + "]")
                + ": " + value;
    }

    /** A breakdown in labels: {@code Hình thức kỷ luật = Khiển trách}. */
    static String describe(Disaggregation breakdown) {
        if (breakdown.dimensions().isEmpty()) {
            return "";
        }
        return breakdown.dimensions().entrySet().stream().map(entry -> NationalCatalog.dimension(entry.getKey())
                        .flatMap(dimension -> dimension.code(entry.getValue())).map(Code::labelVi).orElse(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The unit's name in the report's period (Yên Bái for a 2021 report of code 15, Lào Cai for 2026). */
    private static String provinceName(Report report) {
        String code = report.key().provinceCode();
        return Geography.official().unitOrLatest(code, report.key().period().lastDay()).map(ProvincialUnit::name).orElse(code);
    }

    private static String shorten(String name) {
        return name.length() > 13 ? name.substring(0, 13) : name;
    }
}
