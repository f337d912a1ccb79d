package vn.congvu.proto;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
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

    private static final long EARLIEST_SECONDS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST_SECONDS = Instant.parse("2101-01-01T00:00:00Z").getEpochSecond();

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
        return ReportMessageReader.read(message, keep);
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

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @param moment a timestamp as received
     * @return whether it is a moment of the years 2000-2100 (UTC) with valid nanoseconds: what the protocol
     *         accepts, and what the stores can hold
     */
    public static boolean isPlausibleMoment(Timestamp moment) {
        return moment.getSeconds() >= EARLIEST_SECONDS && moment.getSeconds() < LATEST_SECONDS
                && moment.getNanos() >= 0 && moment.getNanos() <= 999_999_999;
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

    private static vn.congvu.federation.v1.PeriodKind toMessage(PeriodKind kind) {
        return switch (kind) {
            case YEAR -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_YEAR;
            case HALF -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_HALF;
            case QUARTER -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_QUARTER;
            case MONTH -> vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_MONTH;
        };
    }
}
