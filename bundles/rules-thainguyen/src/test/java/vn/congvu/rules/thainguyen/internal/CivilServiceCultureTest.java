package vn.congvu.rules.thainguyen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.congvu.api.testing.RecordsContext.value;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class CivilServiceCultureTest {

    @Test
    void ratingsDisciplineAndInspectionsOfTheYear_areCounted() {
        RecordsContext context = new RecordsContext("19", Period.year(2026))
                .add(RecordTypes.RATING, "id=R1", "staff_id=S1", "year=2026", "staff_category=civil_servant", "grade=excellent")
                .add(RecordTypes.RATING, "id=R2", "staff_id=S2", "year=2026", "staff_category=civil_servant", "grade=good")
                .add(RecordTypes.RATING, "id=R3", "staff_id=S3", "year=2025", "staff_category=civil_servant", "grade=good")
                .add(RecordTypes.DISCIPLINE, "id=D1", "staff_id=S1", "decided=2026-04-02", "form=warning")
                .add(RecordTypes.INSPECTION, "id=K1", "date=2026-05-05", "unit=Sở Nội vụ", "level=department");

        ModuleResult result = new CivilServiceCulture().evaluate(context);

        assertEquals(Optional.of(BigDecimal.valueOf(2)), value(result, "staff.rated", "staff_category=civil_servant"));
        assertEquals(Optional.of(BigDecimal.ONE), value(result, "staff.disciplined", "discipline_form=warning"));
        assertEquals(Optional.of(BigDecimal.ONE), value(result, "inspection.count", ""));
        assertTrue(result.narrative().get(0).contains("hoàn thành xuất sắc nhiệm vụ 50,00%"), result.narrative().toString());
    }
}
