package vn.congvu.proto;

import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
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
import vn.congvu.federation.v1.Dimension;

/**
 * Translates reports between the domain model and the protocol's messages, so that protocol types never
 * reach {@code vn.congvu.api} and every side reads a message the same way.
 */
public final class ReportMessages {

    /** Longest figure as written, in characters: 24 integer digits, a sign, a dot and six decimals fit. */
    public static final int MAX_NUMBER_LENGTH = 40;

    private static final Instant EARLIEST_PREPARED = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST_PREPARED = Instant.parse("2101-01-01T00:00:00Z");

    /** A figure's identity in a report: no two figures may share it. */
    private record ValueKey(String code, Disaggregation disaggregation) {
    }

    private ReportMessages() {
    }

    /**
     * @param report     a domain report
     * @param preparedAt when the province prepared it
     * @return the message, carrying the report's content hash
     */
    public static vn.congvu.federation.v1.Report toMessage(Report report, Instant preparedAt) {
        vn.congvu.federation.v1.Report.Builder message = vn.congvu.federation.v1.Report.newBuilder()
                .setKey(toMessage(report.key()))
                .setRevision(report.revision())
                .setContentHash(report.contentHash())
                .setPreparedAt(timestamp(preparedAt));
        for (ModuleProvenance module : report.modules()) {
            message.addModules(vn.congvu.federation.v1.ModuleProvenance.newBuilder()
                    .setModuleId(module.moduleId()).setVersion(module.version()).setJarSha256(module.jarSha256()));
        }
        for (IndicatorValue value : report.values()) {
            vn.congvu.federation.v1.IndicatorValue.Builder valueMessage = vn.congvu.federation.v1.IndicatorValue
                    .newBuilder().setCode(value.code()).setValue(value.value().toPlainString());
            value.disaggregation().dimensions().forEach((name, code) ->
                    valueMessage.addDisaggregation(Dimension.newBuilder().setName(name).setCode(code)));
            message.addValues(valueMessage);
        }
        for (Finding finding : report.findings()) {
            message.addFindings(vn.congvu.federation.v1.Finding.newBuilder().setRuleId(finding.ruleId())
                    .setUnit(finding.unit()).setCount(finding.count())
                    .setSeverity(vn.congvu.federation.v1.Severity.forNumber(finding.severity().ordinal() + 1))
                    .setMessage(finding.message()));
        }
        return message.build();
    }

    /**
     * @param key a domain report key
     * @return its message
     */
    public static vn.congvu.federation.v1.ReportKey toMessage(ReportKey key) {
        return vn.congvu.federation.v1.ReportKey.newBuilder()
                .setProvinceCode(key.provinceCode())
                .setPeriod(vn.congvu.federation.v1.Period.newBuilder()
                        .setYear(key.period().year())
                        .setKind(toMessage(key.period().kind()))
                        .setNumber(key.period().number()))
                .setRegime(switch (key.regime()) {
                    case PERIODIC -> vn.congvu.federation.v1.Regime.REGIME_PERIODIC;
                    case THEMATIC -> vn.congvu.federation.v1.Regime.REGIME_THEMATIC;
                })
                .build();
    }

    /**
     * Reads a report message, collecting every problem rather than stopping at the first: first the
     * protocol's limits (before anything costly), then the structure, the notation of every number, and the
     * rules of {@link ReportRules} (text in NFC without control characters, identifiers, lengths). The
     * content hash is not checked here: that is the receiver's validation. Time and memory are linear in
     * the size of the message; problems past the first {@code keep} are only counted.
     *
     * @param message a report message as received
     * @param keep    how many problems to keep in full
     * @return the report, or the problems that kept it from being read
     */
    public static DecodedReport fromMessage(vn.congvu.federation.v1.Report message, int keep) {
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

    /**
     * As {@link #fromMessage(vn.congvu.federation.v1.Report, int)}, keeping every problem.
     *
     * @param message a report message as received
     * @return the report, or every problem that kept it from being read
     */
    public static DecodedReport fromMessage(vn.congvu.federation.v1.Report message) {
        return fromMessage(message, Integer.MAX_VALUE);
    }

    /**
     * @param text a figure as written in a message
     * @return whether it is in the protocol's notation: plain ASCII decimal, no sign but "-", no exponent,
     *         no leading zero, no trailing fractional zero, never "-0"
     */
    public static boolean isCanonicalDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_NUMBER_LENGTH) {
            return false;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        int integerStart = i;
        while (i < length && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text.charAt(integerStart) == '0')) {
            return false;
        }
        if (i < length) {
            if (text.charAt(i) != '.' || i == length - 1 || text.charAt(length - 1) == '0') {
                return false;
            }
            for (int j = i + 1; j < length; j++) {
                if (!isAsciiDigit(text.charAt(j))) {
                    return false;
                }
            }
        }
        return !(integerStart == 1 && text.equals("-0"));
    }

    /**
     * @param instant a moment
     * @return it as a protobuf timestamp
     */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /**
     * @param timestamp a protobuf timestamp
     * @return it as an instant
     */
    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
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
        Timestamp preparedAt = message.getPreparedAt();
        if (!message.hasPreparedAt() || preparedAt.getSeconds() < EARLIEST_PREPARED.getEpochSecond()
                || preparedAt.getSeconds() >= LATEST_PREPARED.getEpochSecond()
                || preparedAt.getNanos() < 0 || preparedAt.getNanos() > 999_999_999) {
            problems.add(Problem.permanent("prepared_at", "prepared_at.invalid",
                    "Thời điểm lập báo cáo (prepared_at) thiếu hoặc không nằm trong các năm 2000-2100",
                    "prepared_at is missing or not a moment in the years 2000-2100"));
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
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
            String field = "values[" + i + "] " + value.getCode();
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
                            "Phân tổ '" + dimension.getName() + "' thiếu tên, thiếu mã hoặc bị lặp",
                            "dimension '" + dimension.getName() + "' is blank or repeated"));
                    dimensionsValid = false;
                }
            }
            if (!isCanonicalDecimal(value.getValue())) {
                String shown = value.getValue().length() > MAX_NUMBER_LENGTH
                        ? value.getValue().substring(0, MAX_NUMBER_LENGTH) + "…" : value.getValue();
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
                        "Chỉ tiêu " + value.getCode() + " (" + indicatorValue.disaggregation() + ") xuất hiện hai lần",
                        "indicator " + value.getCode() + " (" + indicatorValue.disaggregation() + ") appears twice"));
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

    private static vn.congvu.federation.v1.PeriodKind toMessage(PeriodKind kind) {
        return switch (kind) {
            case YEAR -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_YEAR;
            case HALF -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_HALF;
            case QUARTER -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_QUARTER;
            case MONTH -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_MONTH;
        };
    }
}
