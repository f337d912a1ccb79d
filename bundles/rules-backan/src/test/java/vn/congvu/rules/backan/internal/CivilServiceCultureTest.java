package vn.congvu.rules.backan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.api.testing.RecordsContext.value;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class CivilServiceCultureTest {

    private static RecordsContext threeYears(int year) {
        return new RecordsContext("06", Period.year(year))
                .add(RecordTypes.INSPECTION, "id=K1", "date=2019-04-10", "unit=Sở Y tế", "level=department", "kind=planned")
                .add(RecordTypes.INSPECTION, "id=K2", "date=2020-09-22", "unit=UBND huyện Ba Bể", "level=district", "kind=surprise")
                .add(RecordTypes.DISCIPLINE, "id=D1", "staff_id=S1", "decided=2019-11-02", "form=removal")
                .add(RecordTypes.DISCIPLINE, "id=D2", "staff_id=S2", "decided=2020-03-02", "form=reprimand")
                .add(RecordTypes.RATING, "id=R1", "staff_id=S3", "year=2021", "staff_category=commune_official", "grade=excellent")
                .add(RecordTypes.RATING, "id=R2", "staff_id=S4", "year=2021", "staff_category=commune_official", "grade=good");
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) = {3}")
    @CsvSource(delimiter = ';', value = {
        "2019; inspection.count;      '';                        1",
        "2020; inspection.units;      level=district;            1",
        "2021; inspection.count;      '';                        0",
        "2020; backan.inspections.surprise; '';                  1",
        "2019; backan.inspections.surprise; '';                  0",
        "2019; staff.disciplined;     discipline_form=removal;   1",
        "2020; staff.disciplined;     discipline_form=reprimand; 1",
        "2021; staff.rated;           staff_category=commune_official; 2",
        "2021; staff.rated.by_grade;  grade=excellent,staff_category=commune_official; 1",
    })
    void evaluate_countsEachYearsRecords(int year, String code, String breakdown, long expected) {
        ModuleResult result = new CivilServiceCulture().evaluate(threeYears(year));

        assertEquals(Optional.of(BigDecimal.valueOf(expected)), value(result, code, breakdown));
    }

    @Test
    void evaluate_narrativeGivesSharesPerCategory() {
        ModuleResult result = new CivilServiceCulture().evaluate(threeYears(2021));

        assertEquals("Cán bộ, công chức cấp xã: hoàn thành xuất sắc nhiệm vụ 50,00%, hoàn thành tốt 50,00%.",
                result.narrative().get(0));
    }
}
