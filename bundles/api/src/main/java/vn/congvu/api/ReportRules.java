package vn.congvu.api;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's limits and the rules of a report's content that hold whatever the catalog says: the
 * grammar and length of every text, the range of every number, no repeated module or finding. The ministry
 * checks them on receipt and the province before filing, so a province never files what will be refused.
 * The same limits are documented in {@code reporting.proto}.
 */
public final class ReportRules {

    /** Most rule modules a report may name. */
    public static final int MAX_MODULES = 100;
    /** Most figures a report may carry. */
    public static final int MAX_VALUES = 100_000;
    /** Most dimensions one figure may be broken down by. */
    public static final int MAX_DIMENSIONS = 8;
    /** Most findings a report may carry. */
    public static final int MAX_FINDINGS = 10_000;
    /** Longest dimension code, in characters. */
    public static final int DIMENSION_CODE_MAX = 200;
    /** Longest finding unit, in characters. */
    public static final int UNIT_MAX = 500;
    /** Longest finding message, in characters. */
    public static final int MESSAGE_MAX = 2_000;
    /** Largest finding count. */
    public static final long MAX_COUNT = 999_999_999_999L;
    /** Most decimals a figure may have: the stores keep six. */
    public static final int MAX_SCALE = 6;
    /** Every figure is smaller than this in magnitude: the stores keep 24 integer digits. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e24");

    /** How much of a sender's text a problem quotes. */
    private static final int QUOTED_MAX = 64;

    private ReportRules() {
    }

    /**
     * @param report a report
     * @return every problem found; empty when the report follows the rules
     */
    public static List<Problem> check(Report report) {
        Problems problems = new Problems(Integer.MAX_VALUE);
        check(report, problems);
        return problems.kept();
    }

    /**
     * @param report   a report
     * @param problems receives every problem found
     */
    public static void check(Report report, Problems problems) {
        String province = report.key().provinceCode();
        if (!province.matches("[0-9]{2}")) {
            problems.add(Problem.permanent("key.province_code", "province.invalid",
                    "Mã tỉnh phải gồm đúng hai chữ số", "the province code must be exactly two digits"));
        }
        if (tooMany(report.modules().size(), MAX_MODULES, "modules", problems)
                | tooMany(report.values().size(), MAX_VALUES, "values", problems)
                | tooMany(report.findings().size(), MAX_FINDINGS, "findings", problems)) {
            return;
        }
        Set<String> moduleIds = new HashSet<>();
        for (int i = 0; i < report.modules().size(); i++) {
            ModuleProvenance module = report.modules().get(i);
            String field = "modules[" + i + "]";
            problems.add(field + ".module_id", TextRules.identifierFault(module.moduleId()));
            problems.add(field + ".version", TextRules.versionFault(module.version()));
            problems.add(field + ".jar_sha256", TextRules.sha256Fault(module.jarSha256()));
            if (!moduleIds.add(module.moduleId())) {
                problems.add(Problem.permanent(field, "module.duplicate",
                        "Mô-đun " + TextRules.quoted(module.moduleId(), QUOTED_MAX) + " được nêu hai lần",
                        "module " + TextRules.quoted(module.moduleId(), QUOTED_MAX) + " is named twice"));
            }
        }
        for (IndicatorValue value : report.values()) {
            checkValue(value, problems);
        }
        Set<List<String>> findingKeys = new HashSet<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding finding = report.findings().get(i);
            String field = "findings[" + i + "]";
            problems.add(field + ".rule_id", TextRules.identifierFault(finding.ruleId()));
            problems.add(field + ".unit", TextRules.textFault(finding.unit(), UNIT_MAX, false, true));
            problems.add(field + ".message", TextRules.textFault(finding.message(), MESSAGE_MAX, true, false));
            if (finding.count() > MAX_COUNT) {
                problems.add(Problem.permanent(field + ".count", "finding.count_out_of_range",
                        "Số lần vượt quá " + MAX_COUNT, "the count exceeds " + MAX_COUNT));
            }
            if (!findingKeys.add(List.of(finding.ruleId(), finding.unit()))) {
                problems.add(Problem.permanent(field, "finding.duplicate",
                        "Phát hiện theo quy tắc " + TextRules.quoted(finding.ruleId(), QUOTED_MAX) + " tại cùng đơn vị được nêu hai lần",
                        "a finding of rule " + TextRules.quoted(finding.ruleId(), QUOTED_MAX) + " at the same unit appears twice"));
            }
        }
    }

    private static void checkValue(IndicatorValue value, Problems problems) {
        String field = "values " + TextRules.quoted(value.code(), QUOTED_MAX);
        problems.add(field + ".code", TextRules.identifierFault(value.code()));
        if (tooMany(value.disaggregation().dimensions().size(), MAX_DIMENSIONS, field + ".disaggregation", problems)) {
            return;
        }
        for (Map.Entry<String, String> dimension : value.disaggregation().dimensions().entrySet()) {
            String name = TextRules.quoted(dimension.getKey(), QUOTED_MAX);
            problems.add(field + " dimension " + name, TextRules.identifierFault(dimension.getKey()));
            problems.add(field + " " + name,
                    TextRules.textFault(dimension.getValue(), DIMENSION_CODE_MAX, false, true));
        }
        BigDecimal number = value.value();
        if (number.scale() > MAX_SCALE || number.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            problems.add(Problem.permanent(field, "value.out_of_range",
                    "Giá trị quá lớn (từ 10^24) hoặc quá " + MAX_SCALE + " chữ số thập phân",
                    "the value is too large (10^24 or more) or has more than " + MAX_SCALE + " decimals"));
        }
    }

    /**
     * Checks one count against its limit.
     *
     * @param count    how many there are
     * @param max      how many are allowed
     * @param field    what is counted, such as {@code values}
     * @param problems receives the problem of rule {@code limit.exceeded}, if any
     * @return whether the count is over the limit
     */
    public static boolean tooMany(int count, int max, String field, Problems problems) {
        if (count <= max) {
            return false;
        }
        problems.add(Problem.permanent(field, "limit.exceeded",
                field + ": có " + count + " phần tử, nhiều nhất được " + max,
                field + ": " + count + " elements, at most " + max + " allowed"));
        return true;
    }

}
