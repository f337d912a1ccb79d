package vn.congvu.rules.national.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.api.testing.RecordsContext.findings;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.testing.RecordsContext;

class RatedWhileDisciplinedTest {

    @ParameterizedTest(name = "disciplined {0}, rated {1} in {2}: {3}")
    @CsvSource(delimiter = ';', value = {
        "2023-05-04; good;          2023; decree48.rated-while-disciplined@Sở Y tếx1",
        "2023-05-04; not_completed; 2023; ''",
        "2022-12-30; good;          2023; ''",
        "2023-05-04; completed;     2023; decree48.rated-while-disciplined@Sở Y tếx1",
    })
    void evaluate_ratingAndDisciplineDisagree_isAFinding(String decided, String grade, int year, String expected) {
        RecordsContext context = new RecordsContext("42", Period.year(year))
                .add(RecordTypes.DISCIPLINE, "id=D1", "staff_id=CB-0042", "decided=" + decided, "form=reprimand")
                .add(RecordTypes.RATING, "id=R1", "staff_id=CB-0042", "year=" + year, "staff_category=civil_servant",
                        "grade=" + grade, "unit=Sở Y tế")
                .add(RecordTypes.RATING, "id=R2", "staff_id=CB-0099", "year=" + year, "staff_category=civil_servant",
                        "grade=excellent", "unit=Sở Y tế");

        List<String> findings = findings(new RatedWhileDisciplined().evaluate(context));

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), findings);
    }
}
