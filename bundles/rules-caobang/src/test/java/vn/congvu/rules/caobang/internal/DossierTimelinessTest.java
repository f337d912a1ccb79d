package vn.congvu.rules.caobang.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleResult;

class DossierTimelinessTest {

    /** An in-memory province: the records given, nothing else. */
    private record FakeContext(Period period, List<Record> dossiers) implements EvaluationContext {
        @Override
        public Province province() {
            return Province.of("04");
        }

        @Override
        public void forEachRecord(String recordType, Consumer<Record> action) {
            dossiers.forEach(action);
        }
    }

    private static Record dossier(String level, String due, String resolved) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "HS-" + level + due + resolved);
        values.put("level", level);
        values.put("unit", "UBND xã Đức Long");
        values.put("received", LocalDate.parse("2021-12-20"));
        values.put("due", LocalDate.parse(due));
        if (!resolved.isEmpty()) {
            values.put("resolved", LocalDate.parse(resolved));
        }
        return new Record(RecordTypes.DOSSIER, values);
    }

    private static BigDecimal value(ModuleResult result, String code, AdministrativeLevel level) {
        Disaggregation disaggregation = level.disaggregation();
        return result.values().stream()
                .filter(value -> value.code().equals(code) && value.disaggregation().equals(disaggregation))
                .map(IndicatorValue::value).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}: due {1}, resolved {2} -> resolved {3}, on time {4}, late {5}")
    @CsvSource(delimiter = ';', value = {
        "commune;    2022-03-15; 2022-03-15; 1; 1; 0",   // on the due date is on time
        "commune;    2022-03-15; 2022-03-01; 1; 1; 0",   // early is on time
        "district;   2022-03-15; 2022-03-16; 1; 0; 1",   // a day late
        "department; 2022-12-20; 2023-01-03; 0; 0; 0",   // resolved next year: not this period
        "department; 2021-12-30; 2022-01-02; 1; 0; 1",   // received last year, resolved late this year
        "district;   2022-06-30; '';         0; 0; 0",   // still pending
    })
    void evaluate_oneDossier_countsItWhereItBelongs(String level, String due, String resolved,
                                                    long resolvedCount, long onTime, long late) {
        AdministrativeLevel administrativeLevel = AdministrativeLevel.byCode(level).orElseThrow();

        ModuleResult result = new DossierTimeliness().evaluate(
                new FakeContext(Period.year(2022), List.of(dossier(level, due, resolved))));

        assertEquals(BigDecimal.valueOf(resolvedCount), value(result, CoreIndicators.DOSSIER_RESOLVED, administrativeLevel));
        assertEquals(BigDecimal.valueOf(onTime), value(result, CoreIndicators.DOSSIER_RESOLVED_ON_TIME, administrativeLevel));
        assertEquals(BigDecimal.valueOf(late), value(result, CoreIndicators.DOSSIER_RESOLVED_LATE, administrativeLevel));
    }

    @Test
    void evaluate_seedProportions_givesTheReportsRatesInItsNarrative() {
        List<Record> dossiers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            dossiers.add(dossier("department", "2022-05-10", i == 0 ? "2022-05-11" : "2022-05-09"));
        }

        ModuleResult result = new DossierTimeliness().evaluate(new FakeContext(Period.year(2022), dossiers));

        assertEquals(BigDecimal.valueOf(200), value(result, CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT));
        assertEquals("Tỷ lệ hồ sơ TTHC do Sở, ban, ngành tiếp nhận được giải quyết đúng hạn đạt 99,50% "
                + "(199/200 hồ sơ; trễ hạn 1).", result.narrative().get(0));
        assertEquals(9, result.values().size());
    }

    @Test
    void evaluate_quarter_countsOnlyItsDays() {
        List<Record> dossiers = List.of(dossier("commune", "2022-04-15", "2022-03-31"),
                dossier("commune", "2022-04-15", "2022-04-01"));

        ModuleResult result = new DossierTimeliness().evaluate(new FakeContext(Period.parse("2022-Q2"), dossiers));

        assertEquals(BigDecimal.ONE, value(result, CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.COMMUNE));
    }

    @Test
    void evaluate_unknownLevel_failsNamingTheDossier() {
        Map<String, Object> values = new LinkedHashMap<>(dossier("commune", "2022-04-15", "2022-04-01").values());
        values.put("level", "ward");
        Record ward = new Record(RecordTypes.DOSSIER, values);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
                new DossierTimeliness().evaluate(new FakeContext(Period.year(2022), List.of(ward))));

        assertEquals("dossier " + ward.key() + " has unknown level 'ward'", error.getMessage());
    }
}
