package vn.congvu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The official geography: the 63, the 34, who merged into whom, and which unit reports which period. */
class GeographyTest {

    private static final Geography MAP = Geography.official();
    private static final LocalDate LAST_DAY_OF_63 = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST_DAY_OF_34 = LocalDate.of(2025, 7, 1);

    @Test
    void sixtyThreeUnitsUntil30June2025_andThirtyFourFrom1July() {
        assertEquals(63, MAP.unitsOn(LAST_DAY_OF_63).size());
        assertEquals(34, MAP.unitsOn(FIRST_DAY_OF_34).size());
        assertEquals(34, MAP.unitsOn(LocalDate.of(2026, 12, 1)).size());
        assertEquals(6, MAP.unitsOn(FIRST_DAY_OF_34).stream().filter(unit -> unit.kind() == UnitKind.THANH_PHO).count(),
                "Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ");
        assertEquals(63, Province.all().size(), "every code ever in force");
    }

    @Test
    void everyPre2025Unit_hasExactlyOneSuccessor_inForceOn1July2025() {
        Map<String, String> successors = new TreeMap<>();
        for (ProvincialUnit unit : MAP.unitsOn(LAST_DAY_OF_63)) {
            String successor = MAP.successorOn(unit.code(), FIRST_DAY_OF_34);
            assertTrue(MAP.unit(successor, FIRST_DAY_OF_34).isPresent(), unit.label() + " -> " + successor);
            assertEquals(unit.code().equals(successor) ? 0 : 1,
                    MAP.mergers().stream().filter(merger -> merger.predecessor().equals(unit.code())).count(), unit.label());
            successors.put(unit.code(), successor);
        }
        assertEquals(63, successors.size());
        assertEquals(34, new HashSet<>(successors.values()).size(), "every one of the 34 has the territory of one or more");
        assertEquals(29, MAP.mergers().size());
        assertTrue(MAP.mergers().stream().allMatch(merger -> merger.effective().equals(FIRST_DAY_OF_34)
                && merger.act().equals("Nghị quyết 202/2025/QH15")));
    }

    @Test
    void aCodeKeepsItsNumberAcrossANewNameOrKind() {
        assertEquals("Yên Bái", MAP.unit("15", LAST_DAY_OF_63).orElseThrow().name());
        assertEquals("Lào Cai", MAP.unit("15", FIRST_DAY_OF_34).orElseThrow().name());
        assertEquals("15", MAP.successorOn("10", FIRST_DAY_OF_34), "the former Lào Cai (10) is in the new Lào Cai (15)");
        assertEquals(UnitKind.TINH, MAP.unit("46", LocalDate.of(2024, 12, 31)).orElseThrow().kind());
        assertEquals(UnitKind.THANH_PHO, MAP.unit("46", LocalDate.of(2025, 1, 1)).orElseThrow().kind());
        assertEquals("Bắc Kạn", Province.of("06").name(), "a code that ceased keeps its last name");
        assertEquals(List.of("19", "06"), MAP.territoryOf("19", FIRST_DAY_OF_34));
        assertEquals(Set.of("25", "17", "26"), Set.copyOf(MAP.territoryOf("25", FIRST_DAY_OF_34)));
        assertEquals(List.of("19"), MAP.territoryOf("19", LAST_DAY_OF_63), "before the merger, 19 was Thái Nguyên alone");
    }

    @Test
    void aPeriodBelongsToTheUnitsInForceOnItsLastDay() {
        Problem merged = MAP.reportingProblem("06", Period.year(2026)).orElseThrow();
        assertEquals("province.merged", merged.rule());
        assertTrue(merged.messageEn().startsWith("Bắc Kạn (06) was merged into Thái Nguyên (19) on 1 July 2025, "
                + "Nghị quyết 202/2025/QH15"), merged.messageEn());
        assertTrue(merged.messageVi().startsWith("Bắc Kạn (06) đã hợp nhất vào Thái Nguyên (19) từ ngày 1/7/2025"),
                merged.messageVi());
        // the periods that span 1 July 2025 end after it: the 34 report them; those that end before, the 63
        for (String period : List.of("2025", "2025-H2", "2025-Q3", "2025-Q4", "2025-M07", "2026-Q1")) {
            assertTrue(MAP.reportingProblem("06", Period.parse(period)).isPresent(), period);
            assertTrue(MAP.reportingProblem("19", Period.parse(period)).isEmpty(), period);
        }
        for (String period : List.of("2021", "2025-H1", "2025-Q2", "2025-M06", "2019")) {
            assertTrue(MAP.reportingProblem("06", Period.parse(period)).isEmpty(), period);
            assertTrue(MAP.reportingProblem("19", Period.parse(period)).isEmpty(), period);
        }
        assertEquals("province.unknown", MAP.reportingProblem("03", Period.year(2021)).orElseThrow().rule());
    }

    @Test
    void noTerritoryIsReportedTwiceForAnyPeriod() {
        for (String period : List.of("2024", "2025-H1", "2025", "2025-Q3", "2026")) {
            Period p = Period.parse(period);
            Map<String, String> reporterOfTerritory = new TreeMap<>();
            for (ProvincialUnit unit : MAP.unitsOn(LAST_DAY_OF_63)) {
                List<String> reporters = MAP.versions().stream().map(ProvincialUnit::code).distinct()
                        .filter(code -> MAP.reportingProblem(code, p).isEmpty())
                        .filter(code -> MAP.territoryOf(code, p.lastDay()).contains(unit.code())).toList();
                assertEquals(1, reporters.size(), period + ": " + unit.label() + " reported by " + reporters);
                reporterOfTerritory.put(unit.code(), reporters.get(0));
            }
            assertEquals(63, reporterOfTerritory.size());
        }
    }

    @Test
    void theThirtyFourCodesAndTheMergers_areThoseOfTheActs() {
        // Nghị quyết 202/2025/QH15 and the codes of Quyết định 19/2025/QĐ-TTg, written out here so that a change of
        // the data files has to change this test too
        assertEquals(List.of("01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38",
                "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96"),
                MAP.unitsOn(FIRST_DAY_OF_34).stream().map(ProvincialUnit::code).sorted().toList());
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(Map.entry("02", "08"), Map.entry("10", "15"),
                Map.entry("06", "19"), Map.entry("26", "25"), Map.entry("17", "25"), Map.entry("27", "24"),
                Map.entry("34", "33"), Map.entry("30", "31"), Map.entry("35", "37"), Map.entry("36", "37"),
                Map.entry("45", "44"), Map.entry("49", "48"), Map.entry("62", "51"), Map.entry("64", "52"),
                Map.entry("58", "56"), Map.entry("67", "68"), Map.entry("60", "68"), Map.entry("54", "66"),
                Map.entry("74", "79"), Map.entry("77", "79"), Map.entry("70", "75"), Map.entry("72", "80"),
                Map.entry("94", "92"), Map.entry("93", "92"), Map.entry("83", "86"), Map.entry("84", "86"),
                Map.entry("87", "82"), Map.entry("95", "96"), Map.entry("89", "91")));
        Map<String, String> actual = new TreeMap<>();
        MAP.mergers().forEach(merger -> actual.put(merger.predecessor(), merger.successor()));
        assertEquals(expected, actual);
    }
}
