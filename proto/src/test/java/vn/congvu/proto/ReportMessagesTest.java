package vn.congvu.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
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
            List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "00ff")),
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
}
