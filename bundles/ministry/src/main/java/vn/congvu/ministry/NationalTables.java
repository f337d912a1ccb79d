package vn.congvu.ministry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Geography;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.Report;
import vn.congvu.api.catalog.Aggregation;
import vn.congvu.api.catalog.Code;
import vn.congvu.api.catalog.Dimension;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Formats;
import vn.congvu.ministry.view.Table;

/**
 * The national figures of one period from the provinces' latest reports, as tables a Vietnamese reader reads:
 * totals for SUM indicators, the largest value for MAX, rates recomputed from the summed parts (never averaged) and
 * shown with those parts, ranks shown per province; and a table of every figure per province. Indicators come in
 * the catalog's order and breakdowns in their dimension's order, with labels, never codes. Open dimensions (unit
 * names, a province's own rule codes) mean nothing across provinces, so both views add up over them; the detail
 * stays in each province's report.
 */
public final class NationalTables {

    /** The national table's columns. */
    private static final List<Column> NATIONAL_COLUMNS = List.of(Column.text("indicator", "Chỉ tiêu"),
            Column.text("breakdown", "Phân tổ"), Column.number("value", "Giá trị"), Column.text("unit", "Đơn vị tính"),
            Column.number("numerator", "Tử số"), Column.number("denominator", "Mẫu số"),
            Column.number("provinces", "Số tỉnh có số liệu"));

    private NationalTables() {
    }

    /**
     * @param id      the table's id
     * @param title   its heading
     * @param reports the latest report of each province for one period
     * @return the national table, one row per indicator and breakdown
     */
    public static Table national(String id, String title, List<Report> reports) {
        return new Table(id, title, NATIONAL_COLUMNS, rows(reports, false, (indicator, providers) -> Formats.count(providers)),
                List.of("Tỷ lệ tính lại từ tổng tử số và tổng mẫu số của các tỉnh, không lấy trung bình / rates are "
                        + "recomputed from the summed parts, never averaged",
                        "Một tỷ lệ chỉ tính những đơn vị báo cáo cả tử số lẫn mẫu số / a rate counts only the units that "
                        + "reported both its parts",
                        "Số tỉnh có số liệu: bao nhiêu tỉnh báo cáo dòng đó; một tổng do ít tỉnh báo cáo không phải tổng toàn "
                        + "quốc / how many provinces reported the row",
                        "Thứ hạng ghi theo từng tỉnh, không cộng / ranks are shown per province, never summed"));
    }

    /**
     * @param id       the table's id
     * @param title    its heading
     * @param report   one report
     * @param computer the module that computed an indicator of the report, in words, by indicator code
     * @return the report's figures, one row per indicator and breakdown, rates with their parts, each with the
     *     module that computed it
     */
    public static Table figures(String id, String title, Report report, Function<String, String> computer) {
        List<Column> columns = new ArrayList<>(NATIONAL_COLUMNS.subList(0, NATIONAL_COLUMNS.size() - 1));
        columns.add(Column.text("module", "Mô-đun tính (phiên bản)"));
        return new Table(id, title, columns, rows(List.of(report), true, (indicator, providers) -> Cell.of(computer.apply(
                indicator.aggregation() == Aggregation.RATIO ? indicator.numerator() : indicator.code()))), List.of());
    }

    private static List<List<Cell>> rows(List<Report> reports, boolean extensions, BiFunction<Indicator, Long, Cell> lastCell) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Indicator indicator : NationalCatalog.indicators()) {
            switch (indicator.aggregation()) {
                case SUM, MAX -> totals(reports, indicator.code(), indicator.aggregation()).forEach((breakdown, total) ->
                        rows.add(List.of(Cell.of(indicator.labelVi()), Cell.of(describe(breakdown)), Formats.decimal(total),
                                Cell.of(indicator.unit()), Cell.EMPTY, Cell.EMPTY,
                                lastCell.apply(indicator, providers(reports, indicator.code(), breakdown)))));
                case RATIO -> ratios(reports, indicator).forEach((breakdown, parts) ->
                        rows.add(List.of(Cell.of(indicator.labelVi()), Cell.of(describe(breakdown)),
                                Formats.percent(parts[0], parts[1]), Cell.of("%"), Formats.decimal(parts[0]),
                                Formats.decimal(parts[1]), lastCell.apply(indicator, parts[2].longValue()))));
                case NONE -> {
                    Map<Disaggregation, List<String>> perProvince = new TreeMap<>(BY_CATALOG_ORDER);
                    for (Report report : reports) {
                        summedOverOpenDimensions(report, indicator.code()).forEach((breakdown, value) ->
                                perProvince.computeIfAbsent(breakdown, any -> new ArrayList<>())
                                        .add(provinceName(report) + " " + VietnameseNumbers.decimal(value)));
                    }
                    perProvince.forEach((breakdown, ranks) -> rows.add(List.of(Cell.of(indicator.labelVi()),
                            Cell.of(describe(breakdown)), Cell.of(String.join("; ", ranks)), Cell.of(indicator.unit()),
                            Cell.EMPTY, Cell.EMPTY, lastCell.apply(indicator, (long) ranks.size()))));
                }
            }
        }
        // an extension indicator of a province's own rules is not in the national catalog (nor its label): a report's
        // own figures list it after the catalog's, by code; national tables leave it out, it adds up to nothing
        for (Report report : extensions ? reports : List.<Report>of()) {
            report.values().stream().filter(value -> NationalCatalog.indicator(value.code()).isEmpty()).forEach(value ->
                    rows.add(List.of(Cell.of(value.code()), Cell.of(describe(closedPart(value.disaggregation()))),
                            Formats.decimal(value.value()), Cell.EMPTY, Cell.EMPTY, Cell.EMPTY,
                            lastCell.apply(Indicator.extensionCount(value.code(), value.code(), value.code(), ""), 1L))));
        }
        return rows;
    }

    /**
     * @param id      the table's id
     * @param title   its heading
     * @param reports the latest report of each province for one period
     * @return every figure, one row per province, indicator and breakdown (open dimensions added up), provinces by
     *     code, indicators in the catalog's order
     */
    public static Table perProvince(String id, String title, List<Report> reports) {
        List<List<Cell>> rows = new ArrayList<>();
        reports.stream().sorted(Comparator.comparing(report -> report.key().provinceCode())).forEach(report -> {
            String province = provinceName(report) + " (" + report.key().provinceCode() + ")";
            Cell unit = Cell.of(province).linked("province/" + report.key().provinceCode());
            for (Indicator indicator : NationalCatalog.indicators()) {
                if (indicator.aggregation() == Aggregation.RATIO) {
                    // the province's own rate, from its own parts
                    ratios(List.of(report), indicator).forEach((breakdown, parts) -> rows.add(List.of(unit,
                            Cell.of(indicator.labelVi()), Cell.of(describe(breakdown)), Formats.percent(parts[0], parts[1]),
                            Cell.of("%"))));
                    continue;
                }
                summedOverOpenDimensions(report, indicator.code()).forEach((breakdown, value) ->
                        rows.add(List.of(unit, Cell.of(indicator.labelVi()), Cell.of(describe(breakdown)),
                                Formats.decimal(value), Cell.of(indicator.unit()))));
            }
        });
        return new Table(id, title, List.of(Column.text("province", "Tỉnh, thành phố"), Column.text("indicator", "Chỉ tiêu"),
                Column.text("breakdown", "Phân tổ"), Column.number("value", "Giá trị"), Column.text("unit", "Đơn vị tính")),
                rows, List.of());
    }

    /** Breakdowns in the order their dimensions list their codes (levels from province down, forms from mildest). */
    public static final Comparator<Disaggregation> BY_CATALOG_ORDER = (left, right) -> {
        int compared = catalogKey(left).compareTo(catalogKey(right));
        return compared != 0 ? compared : left.compareTo(right);
    };

    private static String catalogKey(Disaggregation breakdown) {
        return breakdown.dimensions().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            List<Code> codes = NationalCatalog.dimension(entry.getKey()).map(Dimension::codes).orElse(List.of());
            int index = codes.stream().map(Code::code).toList().indexOf(entry.getValue());
            return entry.getKey() + ":" + String.format("%04d", index < 0 ? 9999 : index);
        }).collect(Collectors.joining("|"));
    }

    private static Map<Disaggregation, BigDecimal> totals(List<Report> reports, String code, Aggregation aggregation) {
        Map<Disaggregation, BigDecimal> totals = new TreeMap<>(BY_CATALOG_ORDER);
        for (Report report : reports) {
            // a province's own values add up over open dimensions first, whatever the aggregation across provinces
            summedOverOpenDimensions(report, code).forEach((breakdown, value) ->
                    totals.merge(breakdown, value, aggregation == Aggregation.MAX ? BigDecimal::max : BigDecimal::add));
        }
        return totals;
    }

    /**
     * @param report a report
     * @param code   an indicator code
     * @return the report's values of that indicator by breakdown, open dimensions added up, in catalog order
     */
    public static Map<Disaggregation, BigDecimal> summedOverOpenDimensions(Report report, String code) {
        Map<Disaggregation, BigDecimal> sums = new TreeMap<>(BY_CATALOG_ORDER);
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
     * Numerator, denominator and the number of provinces, summed over provinces, per breakdown of the numerator (open
     * dimensions summed over). Only pairs reported together count: a unit whose numerator is unknown adds nothing to
     * the denominator either.
     */
    private static Map<Disaggregation, BigDecimal[]> ratios(List<Report> reports, Indicator ratio) {
        List<String> denominatorDimensions = NationalCatalog.indicator(ratio.denominator()).orElseThrow().dimensions();
        Map<Disaggregation, BigDecimal[]> ratios = new TreeMap<>(BY_CATALOG_ORDER);
        for (Report report : reports) {
            Map<Disaggregation, Boolean> counted = new HashMap<>();
            report.values().stream().filter(value -> value.code().equals(ratio.numerator())).forEach(numerator -> {
                Map<String, String> reduced = new HashMap<>(numerator.disaggregation().dimensions());
                reduced.keySet().retainAll(denominatorDimensions);
                report.value(ratio.denominator(), new Disaggregation(reduced)).ifPresent(denominator -> {
                    Disaggregation breakdown = closedPart(numerator.disaggregation());
                    BigDecimal[] parts = ratios.computeIfAbsent(breakdown,
                            any -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    parts[0] = parts[0].add(numerator.value());
                    parts[1] = parts[1].add(denominator);
                    if (counted.put(breakdown, true) == null) {
                        parts[2] = parts[2].add(BigDecimal.ONE);
                    }
                });
            });
        }
        return ratios;
    }

    private static long providers(List<Report> reports, String code, Disaggregation breakdown) {
        return reports.stream().filter(report -> summedOverOpenDimensions(report, code).containsKey(breakdown)).count();
    }

    /** A breakdown in labels: {@code Khiển trách}; the total is {@code Tổng}. */
    public static String describe(Disaggregation breakdown) {
        if (breakdown.dimensions().isEmpty()) {
            return "Tổng";
        }
        return breakdown.dimensions().entrySet().stream().map(entry -> NationalCatalog.dimension(entry.getKey())
                        .flatMap(dimension -> dimension.code(entry.getValue())).map(Code::labelVi).orElse(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The unit's name in the report's period (Yên Bái for a 2021 report of code 15, Lào Cai for 2026). */
    public static String provinceName(Report report) {
        String code = report.key().provinceCode();
        return Geography.official().unitOrLatest(code, report.key().period().lastDay()).map(ProvincialUnit::name).orElse(code);
    }
}
