package vn.congvu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final ReportKey KEY = new ReportKey("04", Period.year(2022), Regime.PERIODIC);
    private static final List<ModuleProvenance> MODULES =
            List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "ab12"));
    private static final IndicatorValue DEPARTMENTS =
            IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), 48447);
    private static final IndicatorValue DISTRICTS =
            IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DISTRICT.disaggregation(), 12650);

    @Test
    void contentHash_sameFiguresInAnotherOrderOrRevision_isTheSame() {
        Report first = new Report(KEY, 1, MODULES, List.of(DEPARTMENTS, DISTRICTS));
        Report reordered = new Report(KEY, 2, MODULES, List.of(DISTRICTS, DEPARTMENTS));

        assertEquals(first.contentHash(), reordered.contentHash());
    }

    @Test
    void contentHash_oneFigureChanged_differs() {
        Report first = new Report(KEY, 1, MODULES, List.of(DEPARTMENTS, DISTRICTS));
        IndicatorValue changed = new IndicatorValue(DISTRICTS.code(), DISTRICTS.disaggregation(), BigDecimal.valueOf(12651));

        assertNotEquals(first.contentHash(), new Report(KEY, 1, MODULES, List.of(DEPARTMENTS, changed)).contentHash());
    }

    @Test
    void contentHash_trailingZerosOfADecimal_doNotChangeIt() {
        IndicatorValue plain = new IndicatorValue("x", Disaggregation.TOTAL, new BigDecimal("12"));
        IndicatorValue scaled = new IndicatorValue("x", Disaggregation.TOTAL, new BigDecimal("12.000"));

        assertEquals(new Report(KEY, 1, MODULES, List.of(plain)).contentHash(),
                new Report(KEY, 1, MODULES, List.of(scaled)).contentHash());
    }
}
