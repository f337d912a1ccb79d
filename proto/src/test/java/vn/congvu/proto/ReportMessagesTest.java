package vn.congvu.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Dimension;

class ReportMessagesTest {

    private static final Report REPORT = new Report(new ReportKey("04", Period.parse("2022-Q3"), Regime.PERIODIC), 2,
            List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "00ff".repeat(16))),
            List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.COMMUNE.disaggregation(), 145494),
                    IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_LATE, AdministrativeLevel.COMMUNE.disaggregation(), 907)),
            List.of(new Finding("hanoi.badge", "Sở Tài chính", 3, Finding.Severity.WARNING, "Chưa đeo thẻ công chức")));

    @Test
    void toMessageThenBack_givesTheSameReportAndHash() {
        vn.congvu.federation.v1.Report message = ReportMessages.toMessage(REPORT, Instant.parse("2023-01-05T03:00:00Z"));

        DecodedReport decoded = ReportMessages.fromMessage(message);

        assertEquals(REPORT, decoded.report().orElseThrow());
        assertEquals(message.getContentHash(), decoded.report().get().contentHash());
    }

    @Test
    void fromMessage_manyThingsWrong_listsEveryProblem() {
        vn.congvu.federation.v1.Report broken = ReportMessages.toMessage(REPORT, Instant.now()).toBuilder()
                .setKey(ReportMessages.toMessage(REPORT.key()).toBuilder().setProvinceCode("").clearRegime())
                .setRevision(0)
                .addValues(vn.congvu.federation.v1.IndicatorValue.newBuilder().setCode("dossier.resolved").setValue("1.234,5"))
                .addValues(vn.congvu.federation.v1.IndicatorValue.newBuilder().setCode(CoreIndicators.DOSSIER_RESOLVED)
                        .addDisaggregation(Dimension.newBuilder().setName("level").setCode("commune")).setValue("1"))
                .build();

        DecodedReport decoded = ReportMessages.fromMessage(broken);

        assertTrue(decoded.report().isEmpty());
        assertEquals(List.of("province.missing", "regime.missing", "revision.invalid", "value.not_a_number",
                "value.duplicate"), decoded.problems().stream().map(Problem::rule).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "+5", "05", "1.50", "1.", ".5", "-0", "٥", "１２", "1 000", "1,5", "", "NaN",
            "12345678901234567890123456789012345678901"})
    void isCanonicalDecimal_otherNotations_refused(String text) {
        assertFalse(ReportMessages.isCanonicalDecimal(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "48447", "-0.5", "99.5", "0.000001", "123456789012345678901234"})
    void isCanonicalDecimal_plainNotation_accepted(String text) {
        assertTrue(ReportMessages.isCanonicalDecimal(text), text);
    }

    @Test
    void fromMessage_decomposedOrControlText_refusedNamingTheField() {
        vn.congvu.federation.v1.Report message = ReportMessages.toMessage(REPORT, Instant.parse("2023-01-05T03:00:00Z")).toBuilder()
                .setFindings(0, vn.congvu.federation.v1.Finding.newBuilder().setRuleId("hanoi.badge")
                        .setUnit(java.text.Normalizer.normalize("Sở Tài chính", java.text.Normalizer.Form.NFD)).setCount(1)
                        .setSeverity(vn.congvu.federation.v1.Severity.SEVERITY_WARNING).setMessage("a\u0000b"))
                .build();

        DecodedReport decoded = ReportMessages.fromMessage(message);

        assertEquals(List.of("text.not_nfc", "text.control_character"), decoded.problems().stream().map(Problem::rule).toList());
        assertEquals(List.of("findings[0].unit", "findings[0].message"), decoded.problems().stream().map(Problem::field).toList());
    }

    @Test
    void fromMessage_overALimit_refusedBeforeReadingTheRest() {
        vn.congvu.federation.v1.IndicatorValue.Builder wide = vn.congvu.federation.v1.IndicatorValue.newBuilder()
                .setCode("dossier.resolved").setValue("1");
        for (int i = 0; i < 200_000; i++) {
            wide.addDisaggregation(Dimension.newBuilder().setName("d" + i).setCode("x"));
        }
        vn.congvu.federation.v1.Report message = ReportMessages.toMessage(REPORT, Instant.now()).toBuilder().addValues(wide).build();

        DecodedReport decoded = ReportMessages.fromMessage(message);

        assertEquals(1, decoded.problemCount());
        assertEquals("limit.exceeded", decoded.problems().get(0).rule());
        assertTrue(decoded.problems().get(0).messageEn().contains("200000 elements, at most 8"), decoded.problems().get(0).messageEn());
    }

    @Test
    void fromMessage_commasAndEqualsInCodesAndUnits_read() {
        Report report = new Report(REPORT.key(), 1, REPORT.modules(),
                List.of(IndicatorValue.count("caobang.late-by-unit", new vn.congvu.api.Disaggregation(
                        java.util.Map.of("unit", "UBND xã Tân Lập, huyện Đan Phượng", "rule", "a=b")), 2)),
                List.of(new Finding("hanoi.badge", "UBND xã Tân Lập, huyện Đan Phượng", 1, Finding.Severity.INFO, "x=1, y=2")));

        DecodedReport decoded = ReportMessages.fromMessage(ReportMessages.toMessage(report, Instant.parse("2023-01-05T03:00:00Z")));

        assertEquals(report, decoded.report().orElseThrow());
    }
}
