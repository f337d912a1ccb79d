package vn.congvu.ministry.internal;

import com.google.protobuf.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Dimension;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.proto.DecodedReport;
import vn.congvu.proto.ReportMessages;

/**
 * Mutations of a valid report request, deterministic for a seed: byte-level damage (bit flips, insertions,
 * deletions, truncations) and structured edits from a dictionary of edge cases (separators, NUL, line
 * breaks, decomposed Vietnamese, other digits and notations, every limit plus one, out-of-range numbers).
 * Half of the structured edits carry a recomputed content hash, so that they reach the later checks and the
 * store rather than stopping at the hash.
 */
final class FuzzReports {

    static final ReportKey KEY = new ReportKey("04", Period.year(2024), Regime.PERIODIC);
    static final List<ModuleProvenance> MODULES = List.of(
            new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "0a".repeat(32)),
            new ModuleProvenance("hanoi.conduct-codes", "1.2.0", "b1".repeat(32)));

    private static final String[] TEXTS = {",", "=", "a,b=c", "\u0000", "x\u0000y", "\n", "\t", "a\nb", "\r\n",
            Normalizer.normalize("Sở Tài chính", Normalizer.Form.NFD), "", " ", " Sở", "Sở ", "\u2028", "\u202Eabc",
            "😀", "Ủy ban nhân dân tỉnh Cao Bằng", "x".repeat(129), "y".repeat(201), "z".repeat(501),
            "m".repeat(2_001), "ư".repeat(4_001), "0", "-", ".", ":", "\\", "%s%n", "'; DROP TABLE reports; --",
            "\uFEFF", "\u00A0x", "a\u0301", "１２"};
    private static final String[] NUMBERS = {"1e3", "+5", "\u0665", "１２", "-0", "NaN", "Infinity", "1.50", "05", "1.",
            ".5", "9".repeat(25), "0.0000001", "1,5", "1 000", "0x10", "-", "", "1e-7", "٣.٥", "9".repeat(24),
            "0.000001", "-123456.5"};
    private static final long[] LONGS = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999_999L, 1_000_000_000_000L};
    private static final int[] INTS = {0, -1, 1, 2, 4, 12, 13, 99, 1999, 2000, 2100, 2101, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private final Random random;
    private final SubmitReportRequest base;
    private final byte[] baseBytes;
    private String lastMutation = "";

    FuzzReports(long seed) {
        this.random = new Random(seed);
        Report valid = report(KEY, List.of(
                new Finding("hanoi.badge", "Sở Tài chính", 1, Finding.Severity.WARNING, "Không đeo thẻ công chức")));
        this.base = SubmitReportRequest.newBuilder()
                .setReport(ReportMessages.toMessage(valid, Instant.parse("2025-01-06T02:00:00Z"))).build();
        this.baseBytes = base.toByteArray();
    }

    /** A valid report of the key with the given findings. */
    static Report report(ReportKey key, List<Finding> findings) {
        return new Report(key, 1, MODULES, List.of(
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), 48_447),
                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, AdministrativeLevel.DEPARTMENT.disaggregation(), 48_207)),
                findings);
    }

    /** @return what the last mutation did, for a failure message */
    String lastMutation() {
        return lastMutation;
    }

    /**
     * @param index the mutation's number; a few large ones (a limit plus one on counts) come at fixed places
     * @return the bytes of a mutated request
     */
    byte[] mutated(int index) {
        if (index % 1_000 == 7) {
            return overCountLimit(index / 1_000);
        }
        return switch (index % 8) {
            case 0 -> bitFlips();
            case 1 -> insertion();
            case 2 -> deletion();
            case 3 -> truncation();
            case 4, 5 -> withHash(textEdit(), random.nextBoolean());
            case 6 -> withHash(numberEdit(), random.nextBoolean());
            default -> withHash(integerEdit(), random.nextBoolean());
        };
    }

    private byte[] bitFlips() {
        byte[] bytes = baseBytes.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        lastMutation = flips + " bit flip(s)";
        return bytes;
    }

    private byte[] insertion() {
        int at = random.nextInt(baseBytes.length + 1);
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        byte[] bytes = new byte[baseBytes.length + inserted.length];
        System.arraycopy(baseBytes, 0, bytes, 0, at);
        System.arraycopy(inserted, 0, bytes, at, inserted.length);
        System.arraycopy(baseBytes, at, bytes, at + inserted.length, baseBytes.length - at);
        lastMutation = inserted.length + " byte(s) inserted at " + at;
        return bytes;
    }

    private byte[] deletion() {
        int from = random.nextInt(baseBytes.length);
        int length = 1 + random.nextInt(Math.min(16, baseBytes.length - from));
        byte[] bytes = new byte[baseBytes.length - length];
        System.arraycopy(baseBytes, 0, bytes, 0, from);
        System.arraycopy(baseBytes, from + length, bytes, from, baseBytes.length - from - length);
        lastMutation = length + " byte(s) deleted at " + from;
        return bytes;
    }

    private byte[] truncation() {
        int length = random.nextInt(baseBytes.length);
        lastMutation = "truncated to " + length + " byte(s)";
        return java.util.Arrays.copyOf(baseBytes, length);
    }

    private vn.congvu.federation.v1.Report.Builder textEdit() {
        vn.congvu.federation.v1.Report.Builder report = base.getReport().toBuilder();
        // a distinct period per edit, so that edits that stay valid are stored rather than conflicting
        report.getKeyBuilder().setPeriod(vn.congvu.federation.v1.Period.newBuilder().setYear(2000 + random.nextInt(25))
                .setKind(vn.congvu.federation.v1.PeriodKind.PERIOD_KIND_MONTH).setNumber(1 + random.nextInt(12)));
        report.setRevision(1 + random.nextInt(1_000));
        String text = TEXTS[random.nextInt(TEXTS.length)];
        int field = random.nextInt(11);
        lastMutation = "text field " + field + " set to '" + printable(text) + "'";
        switch (field) {
            case 0 -> report.getKeyBuilder().setProvinceCode(text);
            case 1 -> report.getModulesBuilder(0).setModuleId(text);
            case 2 -> report.getModulesBuilder(1).setVersion(text);
            case 3 -> report.getModulesBuilder(0).setJarSha256(text);
            case 4 -> report.getValuesBuilder(0).setCode(text);
            case 5 -> report.getValuesBuilder(0).getDisaggregationBuilder(0).setName(text);
            case 6 -> report.getValuesBuilder(1).getDisaggregationBuilder(0).setCode(text);
            case 7 -> report.getFindingsBuilder(0).setRuleId(text);
            case 8 -> report.getFindingsBuilder(0).setUnit(text);
            case 9 -> report.getFindingsBuilder(0).setMessage(text);
            default -> report.getValuesBuilder(1).addDisaggregation(Dimension.newBuilder().setName("unit").setCode(text));
        }
        return report;
    }

    private vn.congvu.federation.v1.Report.Builder numberEdit() {
        vn.congvu.federation.v1.Report.Builder report = base.getReport().toBuilder();
        String number = NUMBERS[random.nextInt(NUMBERS.length)];
        lastMutation = "value set to '" + printable(number) + "'";
        report.getValuesBuilder(random.nextInt(2)).setValue(number);
        return report;
    }

    private vn.congvu.federation.v1.Report.Builder integerEdit() {
        vn.congvu.federation.v1.Report.Builder report = base.getReport().toBuilder();
        int small = INTS[random.nextInt(INTS.length)];
        long large = LONGS[random.nextInt(LONGS.length)];
        int field = random.nextInt(8);
        lastMutation = "number field " + field + " set to " + small + " / " + large;
        switch (field) {
            case 0 -> report.getKeyBuilder().getPeriodBuilder().setYear(small);
            case 1 -> report.getKeyBuilder().getPeriodBuilder().setKindValue(small);
            case 2 -> report.getKeyBuilder().getPeriodBuilder().setNumber(small);
            case 3 -> report.getKeyBuilder().setRegimeValue(small);
            case 4 -> report.setRevision(small);
            case 5 -> report.getFindingsBuilder(0).setCount(large);
            case 6 -> report.getFindingsBuilder(0).setSeverityValue(small);
            default -> report.setPreparedAt(Timestamp.newBuilder().setSeconds(large).setNanos(small));
        }
        return report;
    }

    /** One of: 101 modules, 100,001 values, 9 dimensions, 10,001 findings. */
    private byte[] overCountLimit(int which) {
        vn.congvu.federation.v1.Report.Builder report = base.getReport().toBuilder();
        switch (which % 4) {
            case 0 -> {
                for (int i = 0; i < 100; i++) {
                    report.addModules(report.getModules(0).toBuilder().setModuleId("extra.module-" + i));
                }
            }
            case 1 -> {
                for (int i = 0; i < 99_999; i++) {
                    report.addValues(report.getValues(0).toBuilder().setCode("extra.value-" + i));
                }
            }
            case 2 -> {
                for (int i = 0; i < 8; i++) {
                    report.getValuesBuilder(0).addDisaggregation(Dimension.newBuilder().setName("d" + i).setCode("c"));
                }
            }
            default -> {
                for (int i = 0; i < 10_000; i++) {
                    report.addFindings(report.getFindings(0).toBuilder().setUnit("Đơn vị " + i));
                }
            }
        }
        lastMutation = "count limit plus one, case " + which % 4;
        return withHash(report, true);
    }

    private byte[] withHash(vn.congvu.federation.v1.Report.Builder report, boolean recompute) {
        if (recompute) {
            DecodedReport decoded = ReportMessages.fromMessage(report.build());
            decoded.report().ifPresent(valid -> report.setContentHash(valid.contentHash()));
            lastMutation += decoded.report().isPresent() ? " (hash recomputed)" : "";
        }
        return SubmitReportRequest.newBuilder().setReport(report).build().toByteArray();
    }

    private static String printable(String text) {
        String shown = text.length() > 20 ? text.substring(0, 20) + "… (" + text.length() + ")" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }
}
