package vn.congvu.api.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Problem;
import vn.congvu.api.Report;

/**
 * Checks a report against the national catalog: known codes (or a module's own extension codes), the
 * code lists valid in the report's period, value types, and the cross-checks. The province runs it
 * before filing, the ministry on receipt; both list every problem.
 *
 * <p>A code that is not in the {@link NationalCatalog} is accepted only as an extension: its text up to and
 * including the first dot is the first segment of the id of a module of the report, plus the dot
 * ({@code caobang.x} when the report names a module {@code caobang.y}); otherwise it is {@code indicator.unknown}.
 * (The province's engine is stricter: the module that produced the code must also define it in its descriptor's
 * {@link vn.congvu.api.rule.ModuleDescriptor#extensions() extensions}.) The rule codes of the problems:
 * {@code indicator.unknown}, {@code indicator.derived} (a rate reported instead of its parts),
 * {@code value.not_a_count}, {@code value.not_a_rank}, {@code disaggregation.unknown_dimension},
 * {@code disaggregation.unknown_code}, {@code disaggregation.code_not_valid} (a code out of force in the period),
 * {@code check.at_most} and {@code check.sum} (the {@link NationalCatalog#constraints() cross-checks}).
 */
public final class CatalogCheck {

    private CatalogCheck() {
    }

    /**
     * @param report a report
     * @return every problem found; empty when the report passes
     */
    public static List<Problem> check(Report report) {
        List<Problem> problems = new ArrayList<>();
        check(report, problems::add);
        return problems;
    }

    /**
     * As {@link #check(Report)}, handing each problem over as it is found, so that a caller can count
     * problems without holding them all.
     *
     * @param report   a report
     * @param problems receives every problem found
     */
    public static void check(Report report, Consumer<Problem> problems) {
        for (IndicatorValue value : report.values()) {
            Optional<Indicator> indicator = NationalCatalog.indicator(value.code());
            if (indicator.isPresent()) {
                checkValue(report, value, indicator.get(), problems);
            } else if (!isExtension(report, value.code())) {
                problems.accept(Problem.permanent(field(value), "indicator.unknown",
                        "Chỉ tiêu " + value.code() + " không có trong danh mục quốc gia, cũng không phải chỉ tiêu riêng của mô-đun nào trong báo cáo",
                        value.code() + " is neither a national indicator nor an extension of a module in the report"));
            }
        }
        for (Constraint constraint : NationalCatalog.constraints()) {
            switch (constraint.kind()) {
                case AT_MOST -> checkAtMost(report, constraint, problems);
                case SUM_OVER -> checkSumOver(report, constraint, problems);
            }
        }
    }

    /** An extension code is namespaced by a module of the report: {@code caobang.x} for {@code caobang.y}. */
    private static boolean isExtension(Report report, String code) {
        int dot = code.indexOf('.');
        return dot > 0 && report.modules().stream().map(ModuleProvenance::moduleId)
                .anyMatch(moduleId -> moduleId.startsWith(code.substring(0, dot + 1)));
    }

    private static void checkValue(Report report, IndicatorValue value, Indicator indicator, Consumer<Problem> problems) {
        if (!indicator.reported()) {
            problems.accept(Problem.permanent(field(value), "indicator.derived",
                    value.code() + " là tỷ lệ, được tính từ " + indicator.numerator() + " và " + indicator.denominator()
                            + "; hãy báo cáo hai số đó", value.code() + " is a rate derived from " + indicator.numerator()
                            + " and " + indicator.denominator() + "; report those instead"));
            return;
        }
        BigDecimal number = value.value();
        boolean whole = number.scale() <= 0;
        if (indicator.valueType() == ValueType.COUNT && (!whole || number.signum() < 0)) {
            problems.accept(Problem.permanent(field(value), "value.not_a_count",
                    value.code() + " là số đếm, không thể là " + number.toPlainString(),
                    value.code() + " is a count and cannot be " + number.toPlainString()));
        }
        if (indicator.valueType() == ValueType.RANK && (!whole || number.signum() <= 0)) {
            problems.accept(Problem.permanent(field(value), "value.not_a_rank",
                    value.code() + " là thứ hạng (từ 1), không thể là " + number.toPlainString(),
                    value.code() + " is a rank (1 or more) and cannot be " + number.toPlainString()));
        }
        value.disaggregation().dimensions().forEach((name, code) -> {
            if (!indicator.dimensions().contains(name)) {
                problems.accept(Problem.permanent(field(value), "disaggregation.unknown_dimension",
                        value.code() + " không phân tổ theo '" + name + "'", value.code() + " is not broken down by '" + name + "'"));
                return;
            }
            Dimension dimension = NationalCatalog.dimension(name).orElseThrow();
            if (dimension.open()) {
                return;
            }
            Optional<Code> known = dimension.code(code);
            if (known.isEmpty()) {
                problems.accept(Problem.permanent(field(value), "disaggregation.unknown_code",
                        "'" + code + "' không có trong danh mục " + dimension.labelVi(),
                        "'" + code + "' is not a code of " + name));
            } else if (!known.get().validDuring(report.key().period().firstDay(), report.key().period().lastDay())) {
                problems.accept(Problem.permanent(field(value), "disaggregation.code_not_valid",
                        "'" + known.get().labelVi() + "' không còn hiệu lực trong kỳ " + report.key().period(),
                        "'" + code + "' of " + name + " is not valid in period " + report.key().period()));
            }
        });
    }

    private static void checkAtMost(Report report, Constraint constraint, Consumer<Problem> problems) {
        Map<Disaggregation, BigDecimal> larger = valuesOf(report, constraint.larger());
        for (Map.Entry<Disaggregation, BigDecimal> smaller : valuesOf(report, constraint.smaller()).entrySet()) {
            BigDecimal limit = larger.get(smaller.getKey());
            if (limit != null && smaller.getValue().compareTo(limit) > 0) {
                problems.accept(Problem.permanent(constraint.smaller() + " (" + smaller.getKey() + ")", "check.at_most",
                        "Kiểm tra chéo không đạt: " + constraint.labelVi() + " (" + smaller.getValue().toPlainString()
                                + " > " + limit.toPlainString() + ")",
                        "cross-check failed: " + constraint.smaller() + " " + smaller.getValue().toPlainString()
                                + " exceeds " + constraint.larger() + " " + limit.toPlainString()));
            }
        }
    }

    private static void checkSumOver(Report report, Constraint constraint, Consumer<Problem> problems) {
        Map<Disaggregation, BigDecimal> sums = new TreeMap<>();
        valuesOf(report, constraint.smaller()).forEach((disaggregation, value) -> {
            Map<String, String> rest = new HashMap<>(disaggregation.dimensions());
            rest.remove(constraint.over());
            sums.merge(new Disaggregation(rest), value, BigDecimal::add);
        });
        Map<Disaggregation, BigDecimal> totals = valuesOf(report, constraint.larger());
        sums.forEach((disaggregation, sum) -> {
            BigDecimal total = totals.get(disaggregation);
            if (total == null || total.compareTo(sum) != 0) {
                problems.accept(Problem.permanent(constraint.larger() + " (" + disaggregation + ")", "check.sum",
                        "Kiểm tra chéo không đạt: " + constraint.labelVi() + " (" + sum.toPlainString() + " ≠ "
                                + (total == null ? "không báo cáo" : total.toPlainString()) + ")",
                        "cross-check failed: " + constraint.smaller() + " summed over " + constraint.over() + " is "
                                + sum.toPlainString() + ", " + constraint.larger() + " is "
                                + (total == null ? "missing" : total.toPlainString())));
            }
        });
    }

    private static Map<Disaggregation, BigDecimal> valuesOf(Report report, String code) {
        Map<Disaggregation, BigDecimal> values = new LinkedHashMap<>();
        report.values().stream().filter(value -> value.code().equals(code))
                .forEach(value -> values.put(value.disaggregation(), value.value()));
        return values;
    }

    private static String field(IndicatorValue value) {
        return value.code() + " (" + value.disaggregation() + ")";
    }
}
