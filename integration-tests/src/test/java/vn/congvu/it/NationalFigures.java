package vn.congvu.it;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a national table must hold, worked out here from the provinces' reports as the ministry's store gives them
 * ({@code congvu:report CODE PERIOD}): for each indicator and breakdown, the sum of the provinces' figures, a rate
 * recomputed from the summed parts, a rank as each province's own, and how many provinces gave it. Numbers are
 * compared as numbers, read from Vietnamese notation ({@code 48.207}, {@code 99,50%}).
 */
final class NationalFigures {

    /** The figure columns of a report as congvu:report prints them, and their keys on the console's pages. */
    static final List<String> HEADINGS = List.of("Chỉ tiêu", "Phân tổ", "Giá trị", "Đơn vị tính", "Tử số", "Mẫu số");
    static final List<String> KEYS = List.of("indicator", "breakdown", "value", "unit", "numerator", "denominator");
    /** A province's own indicator, outside the national catalog, is shown by its code. */
    private static final Pattern EXTENSION = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.]*(,[0-9]+)?%?");

    private NationalFigures() {
    }

    /** @return whether a figure row is a province's own indicator, outside the national catalog (named by its code) */
    static boolean isExtension(List<String> row) {
        return EXTENSION.matcher(row.get(0)).matches();
    }

    /** @return the report's figure rows as the six columns, in order */
    static List<List<String>> printedFigures(List<Map<String, String>> report) {
        return report.stream().map(row -> HEADINGS.stream().map(row::get).toList()).toList();
    }

    /** @return the page table's rows as the same six columns */
    static List<List<String>> shownFigures(ConsoleTable table) {
        return table.rows().stream().map(row -> KEYS.stream().map(key -> table.text(row, key)).toList()).toList();
    }

    /**
     * @param reports the provinces' figure rows, as {@link TextTables#printed} reads them
     * @return "indicator | breakdown" to value, unit, numerator, denominator and the number of provinces, for every
     *     indicator of the national catalog (the table leaves a province's own indicators out when several filed)
     */
    static Map<String, List<String>> expected(List<List<Map<String, String>>> reports) {
        // parts: the sum of values, of numerators, of denominators; counts: providers, and those giving a rate
        record Sum(String unit, List<BigDecimal> parts, List<String> ranks, int[] counts) {
        }
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (List<Map<String, String>> report : reports) {
            for (Map<String, String> row : report) {
                if (EXTENSION.matcher(row.get("Chỉ tiêu")).matches()) {
                    continue;
                }
                Sum sum = sums.computeIfAbsent(row.get("Chỉ tiêu") + " | " + row.get("Phân tổ"), key -> new Sum(
                        row.get("Đơn vị tính"), new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)),
                        new ArrayList<>(), new int[2]));
                sum.counts()[0]++;
                if (!row.get("Tử số").isEmpty()) {
                    sum.counts()[1]++;
                    sum.parts().set(1, sum.parts().get(1).add(number(row.get("Tử số"))));
                    sum.parts().set(2, sum.parts().get(2).add(number(row.get("Mẫu số"))));
                } else if (NUMBER.matcher(row.get("Giá trị")).matches()) {
                    sum.parts().set(0, sum.parts().get(0).add(number(row.get("Giá trị"))));
                } else {
                    sum.ranks().add(row.get("Giá trị"));
                }
            }
        }
        Map<String, List<String>> expected = new TreeMap<>();
        sums.forEach((key, sum) -> {
            BigDecimal numerator = sum.parts().get(1);
            BigDecimal denominator = sum.parts().get(2);
            boolean rate = sum.counts()[1] > 0;
            String value = rate && denominator.signum() == 0 ? "-"
                    : rate ? plain(numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP))
                    : !sum.ranks().isEmpty() ? String.join("; ", sum.ranks().stream().sorted().toList()) : plain(sum.parts().get(0));
            expected.put(key, List.of(value, sum.unit(), rate ? plain(numerator) : "", rate ? plain(denominator) : "",
                    String.valueOf(sum.counts()[0])));
        });
        return expected;
    }

    /** @return the national table's rows of catalog indicators, keyed and written as {@link #expected} writes them */
    static Map<String, List<String>> shown(ConsoleTable national) {
        Map<String, List<String>> shown = new TreeMap<>();
        for (List<ConsoleTable.Cell> row : national.rows()) {
            String indicator = national.text(row, "indicator");
            if (EXTENSION.matcher(indicator).matches()) {
                continue;
            }
            String value = national.text(row, "value");
            String numerator = national.text(row, "numerator");
            shown.put(indicator + " | " + national.text(row, "breakdown"), List.of(
                    NUMBER.matcher(value).matches() ? plain(number(value))
                            : String.join("; ", Arrays.stream(value.split("; ")).sorted().toList()),
                    national.text(row, "unit"), numerator.isEmpty() ? "" : plain(number(numerator)),
                    numerator.isEmpty() ? "" : plain(number(national.text(row, "denominator"))),
                    national.text(row, "provinces")));
        }
        return shown;
    }

    /** @return {@code 48.207} or {@code 99,50%} as a number */
    static BigDecimal number(String vietnamese) {
        return new BigDecimal(vietnamese.replace("%", "").replace(".", "").replace(',', '.'));
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
