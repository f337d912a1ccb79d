package vn.congvu.proto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.ReportRules;
import vn.congvu.api.TextRules;
import vn.congvu.federation.v1.Dimension;

/**
 * Reads a report message into the domain model, collecting every problem rather than stopping at the
 * first: first the protocol's limits (before anything costly), then the structure, the notation of every
 * number, and the rules of {@link ReportRules}. Time and memory are linear in the size of the message.
 */
final class ReportMessageReader {

    /** How much of a sender's text a problem quotes. */
    private static final int QUOTED_MAX = 64;

    /** A figure's identity in a report: no two figures may share it. */
    private record ValueKey(String code, Disaggregation disaggregation) {
    }

    private ReportMessageReader() {
    }

    static DecodedReport read(vn.congvu.federation.v1.Report message, int keep) {
        Problems problems = new Problems(keep);
        if (exceedsLimits(message, problems)) {
            return DecodedReport.refused(problems);
        }
        Optional<ReportKey> key = readKey(message, problems);
        if (message.getRevision() < 1) {
            problems.add(Problem.permanent("revision", "revision.invalid",
                    "Số lần gửi (revision) phải từ 1 trở lên, nhận được " + message.getRevision(),
                    "revision must be 1 or more, got " + message.getRevision()));
        }
        checkPreparedAt(message, problems);
        List<ModuleProvenance> modules = readModules(message, problems);
        List<IndicatorValue> values = readValues(message, problems);
        List<Finding> findings = readFindings(message, problems);
        if (!problems.isEmpty() || key.isEmpty()) {
            return DecodedReport.refused(problems);
        }
        Report report = new Report(key.get(), message.getRevision(), modules, values, findings);
        ReportRules.check(report, problems);
        return problems.isEmpty() ? DecodedReport.read(report) : DecodedReport.refused(problems);
    }

    private static boolean exceedsLimits(vn.congvu.federation.v1.Report message, Problems problems) {
        boolean exceeded = ReportRules.tooMany(message.getModulesCount(), ReportRules.MAX_MODULES, "modules", problems)
                | ReportRules.tooMany(message.getValuesCount(), ReportRules.MAX_VALUES, "values", problems)
                | ReportRules.tooMany(message.getFindingsCount(), ReportRules.MAX_FINDINGS, "findings", problems);
        for (int i = 0; i < message.getValuesCount(); i++) {
            exceeded |= ReportRules.tooMany(message.getValues(i).getDisaggregationCount(), ReportRules.MAX_DIMENSIONS,
                    "values[" + i + "].disaggregation", problems);
        }
        return exceeded;
    }

    private static void checkPreparedAt(vn.congvu.federation.v1.Report message, Problems problems) {
        if (!message.hasPreparedAt() || !ReportMessages.isPlausibleMoment(message.getPreparedAt())) {
            problems.add(Problem.permanent("prepared_at", "prepared_at.invalid",
                    "Thời điểm lập báo cáo (prepared_at) thiếu hoặc không nằm trong các năm 2000-2100",
                    "prepared_at is missing or not a moment in the years 2000-2100"));
        }
    }

    private static Optional<ReportKey> readKey(vn.congvu.federation.v1.Report message, Problems problems) {
        if (!message.hasKey()) {
            problems.add(Problem.permanent("key", "key.missing",
                    "Báo cáo thiếu khóa (tỉnh, kỳ báo cáo, chế độ báo cáo)",
                    "the report has no key (province, period, regime)"));
            return Optional.empty();
        }
        vn.congvu.federation.v1.ReportKey key = message.getKey();
        int problemsBefore = problems.count();
        if (key.getProvinceCode().isBlank()) {
            problems.add(Problem.permanent("key.province_code", "province.missing",
                    "Báo cáo thiếu mã tỉnh", "the report has no province code"));
        }
        Period period = readPeriod(key, problems);
        Regime regime = switch (key.getRegime()) {
            case REGIME_PERIODIC -> Regime.PERIODIC;
            case REGIME_THEMATIC -> Regime.THEMATIC;
            default -> {
                problems.add(Problem.permanent("key.regime", "regime.missing",
                        "Báo cáo thiếu chế độ báo cáo", "the report has no regime"));
                yield null;
            }
        };
        if (problems.count() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ReportKey(key.getProvinceCode(), period, regime));
    }

    private static Period readPeriod(vn.congvu.federation.v1.ReportKey key, Problems problems) {
        if (!key.hasPeriod()) {
            problems.add(Problem.permanent("key.period", "period.missing",
                    "Báo cáo thiếu kỳ báo cáo", "the report has no period"));
            return null;
        }
        vn.congvu.federation.v1.Period period = key.getPeriod();
        PeriodKind kind = switch (period.getKind()) {
            case PERIOD_KIND_YEAR -> PeriodKind.YEAR;
            case PERIOD_KIND_HALF -> PeriodKind.HALF;
            case PERIOD_KIND_QUARTER -> PeriodKind.QUARTER;
            case PERIOD_KIND_MONTH -> PeriodKind.MONTH;
            default -> null;
        };
        if (kind == null) {
            problems.add(Problem.permanent("key.period.kind", "period.kind.missing",
                    "Kỳ báo cáo thiếu loại kỳ (năm, 6 tháng, quý, tháng)",
                    "the period has no kind (year, half, quarter, month)"));
            return null;
        }
        try {
            return new Period(period.getYear(), kind, period.getNumber());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.permanent("key.period", "period.invalid",
                    "Kỳ báo cáo không hợp lệ: năm " + period.getYear() + ", số " + period.getNumber(),
                    e.getMessage()));
            return null;
        }
    }

    private static List<ModuleProvenance> readModules(vn.congvu.federation.v1.Report message, Problems problems) {
        List<ModuleProvenance> modules = new ArrayList<>();
        for (int i = 0; i < message.getModulesCount(); i++) {
            vn.congvu.federation.v1.ModuleProvenance module = message.getModules(i);
            if (module.getModuleId().isBlank() || module.getVersion().isBlank() || module.getJarSha256().isBlank()) {
                problems.add(Problem.permanent("modules[" + i + "]", "module.incomplete",
                        "Mô-đun quy tắc phải có mã, phiên bản và mã băm của tệp jar",
                        "a rule module needs an id, a version and its jar's SHA-256"));
            } else {
                modules.add(new ModuleProvenance(module.getModuleId(), module.getVersion(), module.getJarSha256()));
            }
        }
        return modules;
    }

    private static List<IndicatorValue> readValues(vn.congvu.federation.v1.Report message, Problems problems) {
        List<IndicatorValue> values = new ArrayList<>();
        Set<ValueKey> seen = new HashSet<>();
        for (int i = 0; i < message.getValuesCount(); i++) {
            vn.congvu.federation.v1.IndicatorValue value = message.getValues(i);
            String field = "values[" + i + "] " + TextRules.quoted(value.getCode(), QUOTED_MAX);
            if (value.getCode().isEmpty()) {
                problems.add(Problem.permanent("values[" + i + "]", "indicator.code.missing",
                        "Chỉ tiêu thiếu mã", "an indicator value has no code"));
                continue;
            }
            Map<String, String> dimensions = new HashMap<>();
            boolean dimensionsValid = true;
            for (Dimension dimension : value.getDisaggregationList()) {
                if (dimension.getName().isEmpty() || dimension.getCode().isEmpty()
                        || dimensions.put(dimension.getName(), dimension.getCode()) != null) {
                    problems.add(Problem.permanent(field, "disaggregation.invalid",
                            "Phân tổ '" + TextRules.quoted(dimension.getName(), QUOTED_MAX) + "' thiếu tên, thiếu mã hoặc bị lặp",
                            "dimension '" + TextRules.quoted(dimension.getName(), QUOTED_MAX) + "' is blank or repeated"));
                    dimensionsValid = false;
                }
            }
            if (!ReportMessages.isCanonicalDecimal(value.getValue())) {
                String shown = TextRules.quoted(value.getValue(), ReportMessages.MAX_NUMBER_LENGTH);
                problems.add(Problem.permanent(field, "value.not_a_number",
                        "Giá trị '" + shown + "' không viết theo dạng số của giao thức (chữ số ASCII, dấu chấm thập phân, không số 0 thừa, không số mũ)",
                        "value '" + shown + "' is not a number in the protocol's notation (ASCII digits, a decimal dot, "
                                + "no leading or trailing zeros, no exponent, no plus sign)"));
                continue;
            }
            if (!dimensionsValid) {
                continue;
            }
            IndicatorValue indicatorValue = new IndicatorValue(value.getCode(), new Disaggregation(dimensions),
                    new BigDecimal(value.getValue()));
            if (!seen.add(new ValueKey(indicatorValue.code(), indicatorValue.disaggregation()))) {
                problems.add(Problem.permanent(field, "value.duplicate",
                        "Chỉ tiêu " + field + " xuất hiện hai lần",
                        "indicator " + field + " appears twice"));
                continue;
            }
            values.add(indicatorValue);
        }
        return values;
    }

    private static List<Finding> readFindings(vn.congvu.federation.v1.Report message, Problems problems) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < message.getFindingsCount(); i++) {
            vn.congvu.federation.v1.Finding finding = message.getFindings(i);
            int severity = finding.getSeverityValue();
            if (finding.getRuleId().isBlank() || finding.getUnit().isBlank() || finding.getCount() < 1
                    || severity < 1 || severity > Finding.Severity.values().length) {
                problems.add(Problem.permanent("findings[" + i + "]", "finding.incomplete",
                        "Phát hiện phải có quy tắc, đơn vị, số lần (từ 1) và mức độ",
                        "a finding needs a rule, a unit, a count of 1 or more and a severity"));
                continue;
            }
            findings.add(new Finding(finding.getRuleId(), finding.getUnit(), finding.getCount(),
                    Finding.Severity.values()[severity - 1], finding.getMessage()));
        }
        return findings;
    }
}
