package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;

class FilingCalendarTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    @Test
    void periodInTheFuture_isRefusedNamingThePeriodAndToday() {
        Problem problem = FilingCalendar.notBegun(Period.parse("2030-M01"), TODAY).orElseThrow();

        assertEquals(FilingCalendar.NOT_BEGUN, problem.rule());
        assertTrue(problem.messageVi().contains("2030-M01") && problem.messageVi().contains("2026-12-01"), problem.messageVi());
        assertTrue(problem.messageEn().contains("2030-M01") && problem.messageEn().contains("2026-12-01"), problem.messageEn());
    }

    @Test
    void periodUnderWayOrPast_mayBeFiled() {
        assertTrue(FilingCalendar.notBegun(Period.parse("2026-M12"), TODAY).isEmpty(), "the current month");
        assertTrue(FilingCalendar.notBegun(Period.parse("2026"), TODAY).isEmpty(), "the current year");
        assertTrue(FilingCalendar.notBegun(Period.parse("2022-Q3"), TODAY).isEmpty(), "a past quarter");
        assertTrue(FilingCalendar.notBegun(Period.parse("2027"), TODAY).isPresent(), "next year");
    }

    @Test
    void firstDayOfAPeriod_countsInVietnamTime() {
        // 17:30 UTC on 31 December is already 1 January in Vietnam (UTC+7)
        LocalDate inVietnam = LocalDate.ofInstant(Instant.parse("2026-12-31T17:30:00Z"), vn.congvu.api.Period.ZONE);

        assertTrue(FilingCalendar.notBegun(Period.parse("2027-M01"), inVietnam).isEmpty());
    }

    @Test
    void aNodeOfAUnitMergedAway_filesOnlyPeriodsThatEndBeforeTheMerger() {
        Problem merged = FilingCalendar.problem("06", Period.parse("2026"), TODAY).orElseThrow();

        assertEquals("province.merged", merged.rule());
        assertTrue(merged.messageEn().contains("Thái Nguyên (19)") && merged.messageEn().contains("Nghị quyết 202/2025/QH15"),
                merged.messageEn());
        assertTrue(FilingCalendar.problem("06", Period.parse("2021"), TODAY).isEmpty(), "its own past");
        assertTrue(FilingCalendar.problem("06", Period.parse("2025-H1"), TODAY).isEmpty(), "ends on 30 June 2025");
        assertTrue(FilingCalendar.problem("06", Period.parse("2025"), TODAY).isPresent(), "ends after the merger");
        assertTrue(FilingCalendar.problem("19", Period.parse("2026"), TODAY).isEmpty());
        assertEquals(FilingCalendar.NOT_BEGUN, FilingCalendar.problem("19", Period.parse("2027"), TODAY).orElseThrow().rule());
    }
}
