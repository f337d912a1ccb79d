package vn.congvu.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;

class RecordsContextTest {

    private static final ModuleResult RESULT = new ModuleResult(List.of(
            IndicatorValue.count("feedback.received", Disaggregation.TOTAL, 7),
            IndicatorValue.count("dossier.resolved", Disaggregation.of("level", "commune"), 5),
            IndicatorValue.count("conduct.violations", new Disaggregation(Map.of("rule", "hanoi.r3", "unit", "Sở Nội vụ")), 2),
            IndicatorValue.count("conduct.observations", Disaggregation.of("unit", "Phòng Nội vụ, huyện Bảo Thắng"), 4)),
            List.of(new Finding("hanoi.r3", "Sở Nội vụ", 2, Finding.Severity.WARNING, "Không đeo thẻ")), List.of());

    @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "feedback.received    | ''                          | 7",
            "feedback.received    | total                       | 7",
            "dossier.resolved     | level=commune               | 5",
            "dossier.resolved     | ''                          | ",
            "dossier.resolved     | level=district              | ",
            "conduct.violations   | rule=hanoi.r3,unit=Sở Nội vụ | 2",
            "conduct.violations   | unit=Sở Nội vụ,rule=hanoi.r3 | 2",
            "conduct.violations   | rule=hanoi.r3               | ",
            "conduct.violations   | rule=hanoi.r3, unit=Sở Nội vụ | "})
    void value_readsTheBreakdownAsWritten(String code, String breakdown, BigDecimal expected) {
        assertEquals(Optional.ofNullable(expected), RecordsContext.value(RESULT, code, breakdown));
    }

    @Test
    void value_aCodeWithACommaIsFoundByItsDisaggregation() {
        assertEquals(Optional.of(BigDecimal.valueOf(4)), RecordsContext.value(RESULT, "conduct.observations",
                Disaggregation.of("unit", "Phòng Nội vụ, huyện Bảo Thắng")));
    }

    @Test
    void value_aBreakdownNotWrittenNameEqualsCode_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecordsContext.value(RESULT, "dossier.resolved", "commune"));
        assertThrows(IllegalArgumentException.class, () -> RecordsContext.value(RESULT, "dossier.resolved", "level="));
    }

    @Test
    void findings_writesRuleUnitAndCount() {
        assertEquals(List.of("hanoi.r3@Sở Nội vụx2"), RecordsContext.findings(RESULT));
    }

    @Test
    void forEachRecord_givesTheRecordsOfTheType_emptyFieldsAbsent() {
        RecordsContext context = new RecordsContext("10", Period.year(2024))
                .add(RecordTypes.FEEDBACK, "id=PA-1", "received=2024-03-01", "resolved=")
                .add(RecordTypes.DOSSIER, "id=HS-1", "level=commune", "unit=UBND xã Cốc San", "received=2024-03-01",
                        "due=2024-03-10");
        StringBuilder seen = new StringBuilder();
        context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> seen.append(feedback.key())
                .append(' ').append(feedback.date("received")).append(' ').append(feedback.date("resolved")));

        assertEquals("PA-1 2024-03-01 null", seen.toString());
        assertEquals("10", context.province().code());
    }

    @Test
    void add_aFieldTheTypeDoesNotHaveOrNotWrittenNameEqualsValue_isRefused() {
        RecordsContext context = new RecordsContext("10", Period.year(2024));
        assertThrows(IllegalArgumentException.class, () -> context.add(RecordTypes.FEEDBACK, "id=1", "unit=Sở Nội vụ"));
        assertThrows(IllegalArgumentException.class, () -> context.add(RecordTypes.FEEDBACK, "id=1", "received"));
        assertThrows(IllegalArgumentException.class, () -> context.add(RecordTypes.FEEDBACK, "id=1", "received=01/03/2024"));
    }
}
