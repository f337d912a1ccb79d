package vn.congvu.rules.national.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.Finding;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;

/**
 * Decree 48/2023/NĐ-CP: a staff member disciplined in the rating year is rated "không hoàn thành nhiệm vụ".
 * Where a province's rating and discipline records disagree (someone disciplined in the year but rated
 * higher), each unit where it happens is a finding on the report, with how many: never a silent pass.
 * A national rule: every province node evaluates it.
 */
@Component(service = RuleModule.class)
public class RatedWhileDisciplined implements RuleModule {

    static final String RULE = "decree48.rated-while-disciplined";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("national.decree48-rating", ModuleDescriptor.ALL_PROVINCES,
            "Cán bộ, công chức, viên chức bị kỷ luật trong năm đánh giá được xếp loại không hoàn thành nhiệm vụ",
            "Nghị định 48/2023/NĐ-CP ngày 17/7/2023 sửa đổi Nghị định 90/2020/NĐ-CP về đánh giá, xếp loại chất lượng CBCCVC",
            LocalDate.of(2023, 7, 17), null, List.of(RecordTypes.RATING.name(), RecordTypes.DISCIPLINE.name()), List.of());

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        if (context.period().kind() != PeriodKind.YEAR) {
            return new ModuleResult(List.of(), List.of());
        }
        int year = context.period().year();
        Set<String> disciplined = new HashSet<>();
        context.forEachRecord(RecordTypes.DISCIPLINE.name(), discipline -> {
            if (discipline.date("decided").getYear() == year) {
                disciplined.add(discipline.text("staff_id"));
            }
        });
        Map<String, Long> mismatchesByUnit = new TreeMap<>();
        context.forEachRecord(RecordTypes.RATING.name(), rating -> {
            if (rating.integer("year") == year && disciplined.contains(rating.text("staff_id"))
                    && !"not_completed".equals(rating.text("grade"))) {
                String unit = rating.text("unit");
                mismatchesByUnit.merge(unit == null ? "-" : unit, 1L, Long::sum);
            }
        });
        List<Finding> findings = mismatchesByUnit.entrySet().stream()
                .map(entry -> new Finding(RULE, entry.getKey(), entry.getValue(), Finding.Severity.SERIOUS,
                        "Người bị kỷ luật trong năm " + year + " nhưng được xếp loại cao hơn \"không hoàn thành nhiệm vụ\""))
                .toList();
        return new ModuleResult(List.of(), findings, List.of());
    }
}
