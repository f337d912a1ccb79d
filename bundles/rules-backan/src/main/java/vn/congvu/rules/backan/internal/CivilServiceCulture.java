package vn.congvu.rules.backan.internal;

import static vn.congvu.api.CoreIndicators.DISCIPLINE_FORM;
import static vn.congvu.api.CoreIndicators.GRADE;
import static vn.congvu.api.CoreIndicators.STAFF_CATEGORY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * Bắc Kạn's yearly public-service culture figures, as the province reports them for 2019-2021: inspections
 * held (planned and surprise), staff rated per category and grade, and staff disciplined by form.
 */
@Component(service = RuleModule.class)
public class CivilServiceCulture implements RuleModule {

    static final Map<String, String> CATEGORIES = Map.of("civil_servant", "Công chức cấp tỉnh, cấp huyện",
            "public_employee", "Viên chức", "commune_official", "Cán bộ, công chức cấp xã");

    /** Extension: inspections made without notice (đột xuất), of all inspections. */
    static final String SURPRISE_INSPECTIONS = "backan.inspections.surprise";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("backan.civil-service-culture", "06",
            "Kiểm tra công vụ, xếp loại chất lượng và kỷ luật cán bộ, công chức, viên chức",
            "Quyết định 1847/QĐ-TTg ngày 27/12/2018; Kế hoạch 165/KH-UBND ngày 03/4/2020 của UBND tỉnh Bắc Kạn",
            LocalDate.of(2019, 1, 1), null,
            List.of(RecordTypes.INSPECTION.name(), RecordTypes.RATING.name(), RecordTypes.DISCIPLINE.name()),
            List.of(CoreIndicators.INSPECTION_COUNT, CoreIndicators.INSPECTION_UNITS, CoreIndicators.STAFF_RATED,
                    CoreIndicators.STAFF_RATED_BY_GRADE, CoreIndicators.STAFF_DISCIPLINED, SURPRISE_INSPECTIONS),
            List.of(Indicator.extensionCount(SURPRISE_INSPECTIONS, "Cuộc kiểm tra đột xuất", "Surprise inspections", "cuộc")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Tally tally = new Tally().zero(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL)
                .zero(SURPRISE_INSPECTIONS, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.INSPECTION.name(), inspection -> {
            if (context.period().contains(inspection.date("date"))) {
                tally.increment(CoreIndicators.INSPECTION_COUNT, Disaggregation.TOTAL);
                tally.increment(CoreIndicators.INSPECTION_UNITS, Disaggregation.of(CoreIndicators.LEVEL, inspection.text("level")));
                if ("surprise".equals(inspection.text("kind"))) {
                    tally.increment(SURPRISE_INSPECTIONS, Disaggregation.TOTAL);
                }
            }
        });
        if (context.period().kind() == PeriodKind.YEAR) {
            context.forEachRecord(RecordTypes.RATING.name(), rating -> {
                if (rating.integer("year") == context.period().year()) {
                    String category = rating.text("staff_category");
                    tally.increment(CoreIndicators.STAFF_RATED, Disaggregation.of(STAFF_CATEGORY, category));
                    tally.increment(CoreIndicators.STAFF_RATED_BY_GRADE, new Disaggregation(
                            Map.of(STAFF_CATEGORY, category, GRADE, rating.text("grade"))));
                }
            });
        }
        context.forEachRecord(RecordTypes.DISCIPLINE.name(), discipline -> {
            if (context.period().contains(discipline.date("decided"))) {
                tally.increment(CoreIndicators.STAFF_DISCIPLINED, Disaggregation.of(DISCIPLINE_FORM, discipline.text("form")));
            }
        });
        return new ModuleResult(tally.values(), narrative(tally));
    }

    private static List<String> narrative(Tally tally) {
        List<String> lines = new ArrayList<>();
        CATEGORIES.keySet().stream().sorted().forEach(category -> {
            long rated = tally.get(CoreIndicators.STAFF_RATED, Disaggregation.of(STAFF_CATEGORY, category));
            if (rated > 0) {
                lines.add(String.format("%s: hoàn thành xuất sắc nhiệm vụ %s, hoàn thành tốt %s.", CATEGORIES.get(category),
                        share(tally, category, "excellent", rated), share(tally, category, "good", rated)));
            }
        });
        return lines;
    }

    private static String share(Tally tally, String category, String grade, long rated) {
        long count = tally.get(CoreIndicators.STAFF_RATED_BY_GRADE, new Disaggregation(Map.of(STAFF_CATEGORY, category, GRADE, grade)));
        return VietnameseNumbers.percent(BigDecimal.valueOf(count), BigDecimal.valueOf(rated));
    }
}
