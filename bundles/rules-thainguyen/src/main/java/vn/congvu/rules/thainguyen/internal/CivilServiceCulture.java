package vn.congvu.rules.thainguyen.internal;

import static vn.congvu.api.CoreIndicators.DISCIPLINE_FORM;
import static vn.congvu.api.CoreIndicators.GRADE;
import static vn.congvu.api.CoreIndicators.STAFF_CATEGORY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * Thái Nguyên's yearly public-service culture figures on the 2025 map, its territory including Bắc Kạn's since
 * 1 July 2025 (Nghị quyết 202/2025/QH15): inspections held, staff rated per category and grade, staff disciplined
 * by form (the forms in force after Nghị định 172/2025/NĐ-CP).
 */
@Component(service = RuleModule.class)
public class CivilServiceCulture implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("thainguyen.civil-service-culture", "19",
            "Kiểm tra công vụ, xếp loại chất lượng và kỷ luật cán bộ, công chức, viên chức (tỉnh Thái Nguyên mới)",
            "Quyết định 1847/QĐ-TTg ngày 27/12/2018; Nghị quyết 202/2025/QH15 (hợp nhất tỉnh Bắc Kạn vào tỉnh Thái Nguyên)",
            LocalDate.of(2025, 7, 1), null,
            List.of(RecordTypes.INSPECTION.name(), RecordTypes.RATING.name(), RecordTypes.DISCIPLINE.name()),
            List.of(CoreIndicators.INSPECTION_COUNT, CoreIndicators.STAFF_RATED, CoreIndicators.STAFF_RATED_BY_GRADE,
                    CoreIndicators.STAFF_DISCIPLINED),
            List.of());

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Tally tally = new Tally().zero(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.INSPECTION.name(), inspection -> {
            if (context.period().contains(inspection.date("date"))) {
                tally.increment(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL);
            }
        });
        if (context.period().kind() == PeriodKind.YEAR) {
            context.forEachRecord(RecordTypes.RATING.name(), rating -> {
                if (rating.integer("year") == context.period().year()) {
                    Map<String, String> staff = Map.of(STAFF_CATEGORY, rating.text("staff_category"));
                    tally.increment(CoreIndicators.STAFF_RATED, new Disaggregation(staff));
                    tally.increment(CoreIndicators.STAFF_RATED_BY_GRADE, new Disaggregation(
                            Map.of(STAFF_CATEGORY, rating.text("staff_category"), GRADE, rating.text("grade"))));
                }
            });
        }
        context.forEachRecord(RecordTypes.DISCIPLINE.name(), discipline -> {
            if (context.period().contains(discipline.date("decided"))) {
                tally.increment(CoreIndicators.STAFF_DISCIPLINED, Disaggregation.of(DISCIPLINE_FORM, discipline.text("form")));
            }
        });
        long rated = tally.values().stream().filter(value -> value.code().equals(CoreIndicators.STAFF_RATED))
                .mapToLong(value -> value.value().longValueExact()).sum();
        long excellent = tally.values().stream().filter(value -> value.code().equals(CoreIndicators.STAFF_RATED_BY_GRADE)
                && "excellent".equals(value.disaggregation().dimensions().get(GRADE)))
                .mapToLong(value -> value.value().longValueExact()).sum();
        List<String> narrative = rated == 0 ? List.of() : List.of(String.format(
                "Tỉnh Thái Nguyên (gồm cả địa bàn tỉnh Bắc Kạn cũ): %s người được đánh giá, xếp loại; hoàn thành xuất sắc nhiệm vụ %s.",
                VietnameseNumbers.count(rated), VietnameseNumbers.percent(BigDecimal.valueOf(excellent), BigDecimal.valueOf(rated))));
        return new ModuleResult(tally.values(), narrative);
    }
}
