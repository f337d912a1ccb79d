package vn.congvu.rules.tuyenquang.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
 * Tuyên Quang's yearly staff rating: every cadre, civil servant and public employee rated, by grade
 * (the province reports them together, not per category), and the share rated good or better.
 */
@Component(service = RuleModule.class)
public class StaffRating implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("tuyenquang.staff-rating", "08",
            "Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
            "Nghị định 56/2015/NĐ-CP (sửa đổi bởi Nghị định 88/2017/NĐ-CP) về đánh giá, phân loại CBCCVC",
            LocalDate.of(2015, 8, 1), null, List.of(RecordTypes.RATING.name()),
            List.of(CoreIndicators.STAFF_RATED, CoreIndicators.STAFF_RATED_BY_GRADE));

    static final List<String> GRADES = List.of("excellent", "good", "completed", "not_completed");

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        if (context.period().kind() != PeriodKind.YEAR) {
            return new ModuleResult(List.of(), List.of());
        }
        Tally tally = new Tally().zero(CoreIndicators.STAFF_RATED, Disaggregation.TOTAL);
        GRADES.forEach(grade -> tally.zero(CoreIndicators.STAFF_RATED_BY_GRADE, Disaggregation.of(CoreIndicators.GRADE, grade)));
        context.forEachRecord(RecordTypes.RATING.name(), rating -> {
            if (rating.integer("year") == context.period().year()) {
                tally.increment(CoreIndicators.STAFF_RATED, Disaggregation.TOTAL);
                tally.increment(CoreIndicators.STAFF_RATED_BY_GRADE, Disaggregation.of(CoreIndicators.GRADE, rating.text("grade")));
            }
        });
        long rated = tally.get(CoreIndicators.STAFF_RATED, Disaggregation.TOTAL);
        long excellent = tally.get(CoreIndicators.STAFF_RATED_BY_GRADE, Disaggregation.of(CoreIndicators.GRADE, "excellent"));
        long goodOrBetter = excellent + tally.get(CoreIndicators.STAFF_RATED_BY_GRADE, Disaggregation.of(CoreIndicators.GRADE, "good"));
        String line = String.format("Năm %d, tổng số CBCCVC được đánh giá, xếp loại là %s người, trong đó hoàn thành tốt nhiệm vụ "
                        + "trở lên là %s người, chiếm %s; hoàn thành xuất sắc nhiệm vụ chiếm %s.", context.period().year(),
                VietnameseNumbers.count(rated), VietnameseNumbers.count(goodOrBetter),
                VietnameseNumbers.percent(BigDecimal.valueOf(goodOrBetter), BigDecimal.valueOf(rated)),
                VietnameseNumbers.percent(BigDecimal.valueOf(excellent), BigDecimal.valueOf(rated)));
        return new ModuleResult(tally.values(), List.of(line));
    }
}
