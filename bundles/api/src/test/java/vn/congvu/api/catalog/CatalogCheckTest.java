package vn.congvu.api.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;

class CatalogCheckTest {

    private static final List<ModuleProvenance> MODULES = List.of(new ModuleProvenance("backan.discipline", "1.0.0", "ab"));

    private static List<String> rules(String period, IndicatorValue... values) {
        Report report = new Report(new ReportKey("06", Period.parse(period), Regime.PERIODIC), 1, MODULES, List.of(values));
        return CatalogCheck.check(report).stream().map(Problem::rule).toList();
    }

    private static IndicatorValue value(String code, String disaggregation, String value) {
        return new IndicatorValue(code, disaggregation.isEmpty() ? Disaggregation.TOTAL : Disaggregation.parse(disaggregation),
                new BigDecimal(value));
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(delimiter = ';', value = {
        // the discipline forms changed on 1 July 2025; a 2022 report keeps using the old list
        "staff.disciplined; discipline_form=salary_step_down; 2022;    ''",
        "staff.disciplined; discipline_form=demotion;         2025-H1; ''",
        "staff.disciplined; discipline_form=demotion;         2025-H2; disaggregation.code_not_valid",
        "staff.disciplined; discipline_form=salary_step_down; 2026;    disaggregation.code_not_valid",
        "staff.disciplined; discipline_form=dismissal;        2026;    ''",
        "staff.disciplined; discipline_form=fine;             2022;    disaggregation.unknown_code",
        "staff.disciplined; level=district;                   2022;    disaggregation.unknown_dimension",
        "staff.disciplined; '';                               2022;    ''",
        "conduct.violations; rule=hanoi.badge,unit=Sở Tài chính; 2022; ''",
        "index.rank;        index=PCI;                        2019;    ''",
        "dossier.on_time_rate; level=commune;                 2022;    indicator.derived",
        "backan.inspections.surprise; '';                     2022;    ''",
        "caobang.something; '';                               2022;    indicator.unknown",
    })
    void check_oneValue(String code, String disaggregation, String period, String expectedRule) {
        List<String> rules = rules(period, value(code, disaggregation, "3"));

        assertEquals(expectedRule.isEmpty() ? List.of() : List.of(expectedRule), rules);
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "staff.disciplined; 2.5; value.not_a_count",
        "staff.disciplined; -1;  value.not_a_count",
        "staff.disciplined; 0;   ''",
        "index.rank;        0;   value.not_a_rank",
        "index.rank;        16;  ''",
    })
    void check_valueTypes(String code, String value, String expectedRule) {
        String disaggregation = code.equals("index.rank") ? "index=PAR_INDEX" : "";

        assertEquals(expectedRule.isEmpty() ? List.of() : List.of(expectedRule),
                rules("2019", value(code, disaggregation, value)));
    }

    @Test
    void moduleDescriptor_extensionOutsideItsNamespace_isRefused() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                new vn.congvu.api.rule.ModuleDescriptor("backan.x", "06", "t", "b", java.time.LocalDate.of(2020, 1, 1), null,
                        List.of(), List.of("caobang.y"), List.of(Indicator.extensionCount("caobang.y", "y", "y", "cái"))));

        assertEquals("module backan.x: extension caobang.y must be named backan.<name> and listed in what the module produces",
                error.getMessage());
    }

    @Test
    void check_crossChecksBroken_everyOneListed() {
        List<String> rules = rules("2022",
                value(CoreIndicators.FEEDBACK_RECEIVED, "", "703"), value(CoreIndicators.FEEDBACK_RESOLVED, "", "704"),
                value(CoreIndicators.REFORM_TASKS_PLANNED, "", "59"), value(CoreIndicators.REFORM_TASKS_DONE, "", "60"),
                value(CoreIndicators.DOSSIER_RESOLVED, "level=commune", "10"),
                value(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, "level=commune", "11"));

        assertEquals(List.of("check.at_most", "check.at_most", "check.at_most"), rules);
    }

    @Test
    void check_ratedByGrade_mustAddUpToRatedPerCategory() {
        List<IndicatorValue> values = new ArrayList<>();
        values.add(value(CoreIndicators.STAFF_RATED, "staff_category=public_employee", "100"));
        values.add(value(CoreIndicators.STAFF_RATED, "staff_category=commune_official", "50"));
        Map.of("excellent", "20", "good", "70", "completed", "10").forEach((grade, count) ->
                values.add(value(CoreIndicators.STAFF_RATED_BY_GRADE, "staff_category=public_employee,grade=" + grade, count)));
        values.add(value(CoreIndicators.STAFF_RATED_BY_GRADE, "staff_category=commune_official,grade=good", "49"));

        List<Problem> problems = CatalogCheck.check(new Report(new ReportKey("06", Period.year(2021), Regime.PERIODIC), 1,
                MODULES, values));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("staff.rated (staff_category=commune_official)", problems.get(0).field());
        assertEquals("check.sum", problems.get(0).rule());
    }
}
