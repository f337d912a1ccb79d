package vn.congvu.rules.caobang.internal;

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

class AdministrativeDisciplineTest {

    private static ModuleResult evaluate(RecordsContext context) {
        return new AdministrativeDiscipline().evaluate(context);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2} ({3}) = {4}")
    @CsvSource(delimiter = ';', value = {
        "reform.task|id=T1|year=2022|title=Rà soát TTHC|status=done;          2022; reform.tasks.done;    ''; 1",
        "reform.task|id=T1|year=2022|title=Rà soát TTHC|status=in_progress;   2022; reform.tasks.done;    ''; 0",
        "reform.task|id=T1|year=2022|title=Rà soát TTHC|status=in_progress;   2022; reform.tasks.planned; ''; 1",
        "reform.task|id=T1|year=2021|title=Rà soát TTHC|status=done;          2022; reform.tasks.planned; ''; 0",
        "procedure.change|id=C1|date=2022-05-02|procedure=Cấp phép xây dựng|kind=shortened; 2022; procedure.catalogue_change; change_kind=shortened; 1",
        "procedure.change|id=C1|date=2022-05-02|procedure=Cấp phép|kind=new|decision=QĐ 1/43; 2022; caobang.procedure.publication_decisions; ''; 1",
        "feedback|id=F1|received=2022-12-30|resolved=2023-01-04;              2022; feedback.received;    ''; 1",
        "feedback|id=F1|received=2022-12-30|resolved=2023-01-04;              2022; feedback.resolved;    ''; 0",
        "feedback|id=F1|received=2022-03-01|resolved=2022-03-09;              2022; feedback.resolved;    ''; 1",
        "feedback|id=F1|received=2022-03-01|topic=administrative_procedure;  2022; feedback.received.procedures; ''; 1",
        "feedback|id=F1|received=2022-03-01|topic=other;                     2022; feedback.received.procedures; ''; 0",
        "inspection|id=K1|date=2022-09-12|unit=UBND huyện Hà Quảng|level=district; 2022; inspection.units; level=district; 1",
        "training|id=L1|date=2022-06-01|title=Kỹ năng giao tiếp|attendees=62; 2022; training.attendees;   ''; 62",
        "discipline|id=D1|staff_id=S1|decided=2022-12-20|form=warning;        2022; staff.disciplined;    discipline_form=warning; 1",
        "figure|id=P1|indicator=procedure.total|disaggregation=authority=commune|value=194|period=2022|source=Báo cáo; 2022; procedure.total; authority=commune; 194",
    })
    void evaluate_oneRecord(String record, String period, String code, String breakdown, long expected) {
        String[] parts = record.split("\\|");
        RecordsContext context = new RecordsContext("04", Period.parse(period))
                .add(RecordTypes.byName(parts[0]).orElseThrow(), java.util.Arrays.copyOfRange(parts, 1, parts.length));

        assertEquals(Optional.of(BigDecimal.valueOf(expected)), value(evaluate(context), code, breakdown));
    }

    @Test
    void evaluate_quarter_leavesTheYearlyReformPlanOut() {
        RecordsContext context = new RecordsContext("04", Period.parse("2022-Q2"))
                .add(RecordTypes.REFORM_TASK, "id=T1", "year=2022", "title=Rà soát", "status=done");

        assertEquals(Optional.empty(), value(evaluate(context), "reform.tasks.planned", ""));
    }

    @Test
    void evaluate_feedbackAboutProcedures_isStatedAsTheReportStatesIt() {
        RecordsContext context = new RecordsContext("04", Period.year(2022));
        for (int i = 1; i <= 703; i++) {
            context.add(RecordTypes.FEEDBACK, "id=F" + i, "received=2022-03-01",
                    "topic=" + (i <= 47 ? "administrative_procedure" : "other"));
        }

        ModuleResult result = evaluate(context);

        assertEquals(Optional.of(BigDecimal.valueOf(47)), value(result, "feedback.received.procedures", ""));
        assertEquals(true, result.narrative().contains("Phản ánh, kiến nghị về quy định hành chính, TTHC: 6,7% (47/703)."),
                result.narrative().toString());
    }
}
