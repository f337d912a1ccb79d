package vn.congvu.rules.caobang.internal;

import static vn.congvu.api.CoreIndicators.AUTHORITY;
import static vn.congvu.api.CoreIndicators.CHANGE_KIND;
import static vn.congvu.api.CoreIndicators.DISCIPLINE_FORM;
import static vn.congvu.api.CoreIndicators.LEVEL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import vn.congvu.api.catalog.Indicator;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.ReportedFigures;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * Cao Bằng's yearly report on administrative discipline and public-service culture (KLKCHC và VHCV), as
 * the province's 2022 report counts it: reform-plan tasks done of those planned, procedure-catalogue
 * changes by kind, procedures in force per authority, citizen feedback received and resolved, inspections
 * and the units inspected, training classes and attendees, staff disciplined by form.
 */
@Component(service = RuleModule.class)
public class AdministrativeDiscipline implements RuleModule {

    /** Extension: the decisions (quyết định công bố) that published the period's catalogue changes. */
    static final String PUBLICATION_DECISIONS = "caobang.procedure.publication_decisions";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("caobang.administrative-discipline", "04",
            "Kết quả thực hiện kỷ luật, kỷ cương hành chính và văn hóa công vụ",
            "Quyết định 1847/QĐ-TTg ngày 27/12/2018; Kế hoạch 3652/KH-UBND ngày 24/12/2021 về CCHC tỉnh Cao Bằng năm 2022; "
                    + "Công văn 501/UBND-NC ngày 08/03/2022",
            LocalDate.of(2019, 1, 1), null,
            List.of(RecordTypes.REFORM_TASK.name(), RecordTypes.PROCEDURE_CHANGE.name(), RecordTypes.FEEDBACK.name(),
                    RecordTypes.INSPECTION.name(), RecordTypes.TRAINING.name(), RecordTypes.DISCIPLINE.name(),
                    RecordTypes.FIGURE.name()),
            List.of(CoreIndicators.REFORM_TASKS_PLANNED, CoreIndicators.REFORM_TASKS_DONE,
                    CoreIndicators.PROCEDURE_CATALOGUE_CHANGE, CoreIndicators.PROCEDURE_TOTAL,
                    CoreIndicators.FEEDBACK_RECEIVED, CoreIndicators.FEEDBACK_RESOLVED, CoreIndicators.FEEDBACK_ON_PROCEDURES,
                    CoreIndicators.INSPECTION_COUNT,
                    CoreIndicators.INSPECTION_UNITS, CoreIndicators.TRAINING_CLASSES, CoreIndicators.TRAINING_ATTENDEES,
                    CoreIndicators.STAFF_DISCIPLINED, PUBLICATION_DECISIONS),
            List.of(Indicator.extensionCount(PUBLICATION_DECISIONS, "Quyết định công bố danh mục TTHC",
                    "Decisions publishing procedure-catalogue changes", "quyết định")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Period period = context.period();
        Tally tally = new Tally();
        if (period.kind() == PeriodKind.YEAR) {
            // the reform plan is yearly: its tasks are counted in the yearly report only
            tally.zero(CoreIndicators.REFORM_TASKS_PLANNED, Disaggregation.TOTAL).zero(CoreIndicators.REFORM_TASKS_DONE, Disaggregation.TOTAL);
            context.forEachRecord(RecordTypes.REFORM_TASK.name(), task -> {
                if (task.integer("year") == period.year()) {
                    tally.increment(CoreIndicators.REFORM_TASKS_PLANNED, Disaggregation.TOTAL);
                    if ("done".equals(task.text("status"))) {
                        tally.increment(CoreIndicators.REFORM_TASKS_DONE, Disaggregation.TOTAL);
                    }
                }
            });
        }
        Set<String> decisions = new HashSet<>();
        context.forEachRecord(RecordTypes.PROCEDURE_CHANGE.name(), change -> {
            if (period.contains(change.date("date"))) {
                tally.increment(CoreIndicators.PROCEDURE_CATALOGUE_CHANGE, Disaggregation.of(CHANGE_KIND, change.text("kind")));
                if (change.text("decision") != null) {
                    decisions.add(change.text("decision"));
                }
            }
        });
        tally.add(PUBLICATION_DECISIONS, Disaggregation.TOTAL, decisions.size());
        tally.zero(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL).zero(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL)
                .zero(CoreIndicators.FEEDBACK_ON_PROCEDURES, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> {
            if (period.contains(feedback.date("received"))) {
                tally.increment(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL);
                if ("administrative_procedure".equals(feedback.text("topic"))) {
                    tally.increment(CoreIndicators.FEEDBACK_ON_PROCEDURES, Disaggregation.TOTAL);
                }
                LocalDate resolved = feedback.date("resolved");
                if (resolved != null && !resolved.isAfter(period.lastDay())) {
                    tally.increment(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL);
                }
            }
        });
        tally.zero(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.INSPECTION.name(), inspection -> {
            if (period.contains(inspection.date("date"))) {
                tally.increment(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL);
                tally.increment(CoreIndicators.INSPECTION_UNITS, Disaggregation.of(LEVEL, inspection.text("level")));
            }
        });
        tally.zero(CoreIndicators.TRAINING_CLASSES, Disaggregation.TOTAL).zero(CoreIndicators.TRAINING_ATTENDEES, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.TRAINING.name(), training -> {
            if (period.contains(training.date("date"))) {
                tally.increment(CoreIndicators.TRAINING_CLASSES, Disaggregation.TOTAL);
                tally.add(CoreIndicators.TRAINING_ATTENDEES, Disaggregation.TOTAL, training.integer("attendees"));
            }
        });
        context.forEachRecord(RecordTypes.DISCIPLINE.name(), discipline -> {
            if (period.contains(discipline.date("decided"))) {
                tally.increment(CoreIndicators.STAFF_DISCIPLINED, Disaggregation.of(DISCIPLINE_FORM, discipline.text("form")));
            }
        });
        List<IndicatorValue> values = new ArrayList<>(tally.values());
        values.addAll(ReportedFigures.of(context, List.of(CoreIndicators.PROCEDURE_TOTAL)));
        return new ModuleResult(values, narrative(tally, values));
    }

    private static String byAuthority(List<IndicatorValue> values) {
        List<String> parts = new ArrayList<>();
        for (String[] authority : new String[][] {{"province", "cấp tỉnh"}, {"district", "cấp huyện"}, {"commune", "cấp xã"}}) {
            values.stream().filter(value -> value.code().equals(CoreIndicators.PROCEDURE_TOTAL)
                            && authority[0].equals(value.disaggregation().code(AUTHORITY))).findFirst()
                    .ifPresent(value -> parts.add(authority[1] + " " + VietnameseNumbers.decimal(value.value())));
        }
        return parts.isEmpty() ? "" : ", trong đó: " + String.join(", ", parts);
    }

    private static List<String> narrative(Tally tally, List<IndicatorValue> values) {
        List<String> lines = new ArrayList<>();
        long planned = tally.get(CoreIndicators.REFORM_TASKS_PLANNED, Disaggregation.TOTAL);
        long done = tally.get(CoreIndicators.REFORM_TASKS_DONE, Disaggregation.TOTAL);
        if (planned > 0) {
            lines.add(String.format("Hoàn thành %d/%d nhiệm vụ kế hoạch CCHC (%s).", done, planned,
                    VietnameseNumbers.percent(BigDecimal.valueOf(done), BigDecimal.valueOf(planned))));
        }
        values.stream().filter(value -> value.code().equals(CoreIndicators.PROCEDURE_TOTAL)
                        && value.disaggregation().equals(Disaggregation.TOTAL)).findFirst()
                .ifPresent(total -> lines.add("Tổng số TTHC thuộc thẩm quyền giải quyết: "
                        + VietnameseNumbers.decimal(total.value()) + " TTHC" + byAuthority(values) + "."));
        long received = tally.get(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL);
        long onProcedures = tally.get(CoreIndicators.FEEDBACK_ON_PROCEDURES, Disaggregation.TOTAL);
        lines.add(String.format("Tiếp nhận %s phản ánh, kiến nghị; đã xử lý %s.", VietnameseNumbers.count(received),
                VietnameseNumbers.count(tally.get(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL))));
        if (received > 0 && onProcedures > 0) {
            // the report gives this share with one decimal: 6,7%
            lines.add(String.format("Phản ánh, kiến nghị về quy định hành chính, TTHC: %s (%s/%s).",
                    VietnameseNumbers.percent(BigDecimal.valueOf(onProcedures), BigDecimal.valueOf(received), 1),
                    VietnameseNumbers.count(onProcedures), VietnameseNumbers.count(received)));
        }
        return lines;
    }
}
