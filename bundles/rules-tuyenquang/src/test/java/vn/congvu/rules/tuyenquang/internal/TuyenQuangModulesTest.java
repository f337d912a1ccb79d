package vn.congvu.rules.tuyenquang.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.api.testing.RecordsContext.findings;
import static vn.congvu.api.testing.RecordsContext.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class TuyenQuangModulesTest {

    @ParameterizedTest(name = "{0}: rated {1}, excellent {2}, good {3}")
    @CsvSource({"2019, 3, 1, 2", "2020, 1, 0, 0"})
    void staffRating_countsTheYearsRatingsByGrade(int year, long rated, long excellent, long good) {
        RecordsContext context = new RecordsContext("08", Period.year(year))
                .add(RecordTypes.RATING, "id=R1", "staff_id=S1", "year=2019", "staff_category=civil_servant", "grade=excellent")
                .add(RecordTypes.RATING, "id=R2", "staff_id=S2", "year=2019", "staff_category=public_employee", "grade=good")
                .add(RecordTypes.RATING, "id=R3", "staff_id=S3", "year=2019", "staff_category=commune_official", "grade=good")
                .add(RecordTypes.RATING, "id=R4", "staff_id=S1", "year=2020", "staff_category=civil_servant", "grade=completed");

        ModuleResult result = new StaffRating().evaluate(context);

        assertEquals(Optional.of(BigDecimal.valueOf(rated)), value(result, "staff.rated", ""));
        assertEquals(Optional.of(BigDecimal.valueOf(excellent)), value(result, "staff.rated.by_grade", "grade=excellent"));
        assertEquals(Optional.of(BigDecimal.valueOf(good)), value(result, "staff.rated.by_grade", "grade=good"));
        assertEquals(Optional.of(BigDecimal.ZERO), value(result, "staff.rated.by_grade", "grade=not_completed"));
    }

    @Test
    void staffRating_narrativeWritesTheArticlesShares() {
        RecordsContext context = new RecordsContext("08", Period.year(2019));
        for (int i = 0; i < 1000; i++) {
            context.add(RecordTypes.RATING, "id=R" + i, "staff_id=S" + i, "year=2019", "staff_category=civil_servant",
                    "grade=" + (i < 139 ? "excellent" : i < 936 ? "good" : "completed"));
        }

        assertEquals("Năm 2019, tổng số CBCCVC được đánh giá, xếp loại là 1.000 người, trong đó hoàn thành tốt nhiệm vụ trở lên "
                + "là 936 người, chiếm 93,60%; hoàn thành xuất sắc nhiệm vụ chiếm 13,90%.",
                new StaffRating().evaluate(context).narrative().get(0));
    }

    @Test
    void fourPleasesFourAlways_brokenBehaviourAtAUnitIsAFinding() {
        RecordsContext context = new RecordsContext("08", Period.year(2019))
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O1", "date=2019-05-06", "unit=Bộ phận một cửa huyện Yên Sơn",
                        "rule=tuyenquang.xin-chao", "outcome=kept", "count=12")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O2", "date=2019-05-06", "unit=Bộ phận một cửa huyện Yên Sơn",
                        "rule=tuyenquang.luon-lang-nghe", "outcome=broken", "count=2")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O3", "date=2019-05-06", "unit=Sở Tư pháp",
                        "rule=hanoi.badge", "outcome=broken");

        ModuleResult result = new FourPleasesFourAlways().evaluate(context);

        assertEquals(List.of("tuyenquang.luon-lang-nghe@Bộ phận một cửa huyện Yên Sơnx2"), findings(result));
        assertEquals(Optional.of(BigDecimal.valueOf(12)), value(result, "conduct.observations",
                "rule=tuyenquang.xin-chao,unit=Bộ phận một cửa huyện Yên Sơn"));
        assertEquals(Optional.of(BigDecimal.ZERO), value(result, "conduct.violations",
                "rule=tuyenquang.xin-chao,unit=Bộ phận một cửa huyện Yên Sơn"));
    }

    @Test
    void indexRanks_takesTheYearsPublishedRanks() {
        RecordsContext context = new RecordsContext("08", Period.year(2019))
                .add(RecordTypes.FIGURE, "id=I1", "indicator=index.rank", "disaggregation=index=PCI", "value=32", "period=2019", "source=VCCI")
                .add(RecordTypes.FIGURE, "id=I2", "indicator=index.rank", "disaggregation=index=PCI", "value=40", "period=2018", "source=VCCI");

        assertEquals(Optional.of(BigDecimal.valueOf(32)), value(new IndexRanks().evaluate(context), "index.rank", "index=PCI"));
    }
}
