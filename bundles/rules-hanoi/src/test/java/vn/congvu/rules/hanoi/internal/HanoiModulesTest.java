package vn.congvu.rules.hanoi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.congvu.api.testing.RecordsContext.findings;
import static vn.congvu.api.testing.RecordsContext.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class HanoiModulesTest {

    @Test
    void conductCodes_brokenRulesPerDepartmentAreFindingsAndKeptOnesCountAsObserved() {
        RecordsContext context = new RecordsContext("01", Period.year(2023))
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O1", "date=2023-11-02", "unit=Sở Tài chính", "rule=hanoi.badge", "outcome=broken", "count=3")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O2", "date=2023-11-02", "unit=Sở Tài chính", "rule=hanoi.door-nameplate", "outcome=broken")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O3", "date=2023-11-02", "unit=Sở Tài chính", "rule=hanoi.attitude", "outcome=kept")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O4", "date=2023-11-02", "unit=Sở Kế hoạch và Đầu tư", "rule=hanoi.no-smoking", "outcome=broken", "count=2")
                .add(RecordTypes.INSPECTION_OBSERVATION, "id=O5", "date=2022-11-02", "unit=Sở Kế hoạch và Đầu tư", "rule=hanoi.no-smoking", "outcome=broken", "count=9");

        ModuleResult result = new ConductCodes().evaluate(context);

        assertEquals(List.of("hanoi.badge@Sở Tài chínhx3", "hanoi.door-nameplate@Sở Tài chínhx1",
                "hanoi.no-smoking@Sở Kế hoạch và Đầu tưx2"), findings(result));
        assertEquals(Optional.of(BigDecimal.ONE), value(result, "conduct.observations", "rule=hanoi.attitude,unit=Sở Tài chính"));
        assertEquals(Optional.of(BigDecimal.ZERO), value(result, "conduct.violations", "rule=hanoi.attitude,unit=Sở Tài chính"));
        assertEquals("Chưa thực hiện nghiêm: Không hút thuốc lá tại công sở", result.findings().get(2).message());
        assertEquals(Optional.of(BigDecimal.valueOf(2)), value(result, "hanoi.conduct.units_checked", ""));
    }

    @Test
    void onlineProcedures_perDepartment() {
        RecordsContext context = new RecordsContext("01", Period.year(2023))
                .add(RecordTypes.FIGURE, "id=P1", "indicator=procedure.online", "disaggregation=unit=Sở Tài chính", "value=16", "period=2023", "source=Đoàn kiểm tra")
                .add(RecordTypes.FIGURE, "id=P2", "indicator=procedure.total", "disaggregation=unit=Sở Tài chính", "value=16", "period=2023", "source=Đoàn kiểm tra")
                .add(RecordTypes.FIGURE, "id=P3", "indicator=index.rank", "disaggregation=index=PCI", "value=9", "period=2023", "source=VCCI");

        ModuleResult result = new OnlineProcedures().evaluate(context);

        assertEquals(2, result.values().size());
        assertEquals(Optional.of(BigDecimal.valueOf(16)), value(result, "procedure.online", "unit=Sở Tài chính"));
    }
}
