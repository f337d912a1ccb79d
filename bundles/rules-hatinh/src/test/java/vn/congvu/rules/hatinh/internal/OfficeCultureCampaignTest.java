package vn.congvu.rules.hatinh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.api.testing.RecordsContext.value;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class OfficeCultureCampaignTest {

    @ParameterizedTest(name = "{0}: commitments {1}, disciplined for the code {2}")
    @CsvSource({"2023, 2, 0", "2024, 0, 1"})
    void evaluate_zeroDisciplineIsARealZero(int year, long commitments, long disciplined) {
        RecordsContext context = new RecordsContext("42", Period.year(year))
                .add(RecordTypes.COMMITMENT, "id=CK1", "signed=2023-02-10", "unit=Sở Nội vụ")
                .add(RecordTypes.COMMITMENT, "id=CK2", "signed=2023-02-11", "unit=UBND huyện Kỳ Anh")
                .add(RecordTypes.DISCIPLINE, "id=D1", "staff_id=S1", "decided=2023-06-01", "form=warning", "cause=other")
                .add(RecordTypes.DISCIPLINE, "id=D2", "staff_id=S2", "decided=2024-06-01", "form=reprimand", "cause=conduct_code");

        ModuleResult result = new OfficeCultureCampaign().evaluate(context);

        assertEquals(Optional.of(BigDecimal.valueOf(commitments)), value(result, "campaign.commitments_signed", ""));
        assertEquals(Optional.of(BigDecimal.valueOf(disciplined)), value(result, "staff.disciplined.conduct_code", ""));
        assertEquals(Optional.of(BigDecimal.valueOf(commitments)), value(result, "hatinh.campaign.units_committed", ""));
    }
}
