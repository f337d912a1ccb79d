package vn.congvu.rules.hanoi.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.Observations;
import vn.congvu.api.rule.RuleModule;

/**
 * Hà Nội's two conduct codes, as the city's inspection teams check them at its departments: badges worn,
 * nameplates on office doors, no smoking, dossiers resolved on time, no complaints about attitude. Each
 * rule broken at a department is a finding, with how often.
 */
@Component(service = RuleModule.class)
public class ConductCodes implements RuleModule {

    static final Map<String, String> RULES = Map.of(
            "hanoi.badge", "Đeo thẻ công chức, viên chức khi thi hành công vụ",
            "hanoi.door-nameplate", "Biển tên phòng, bảng tên tại cửa phòng làm việc",
            "hanoi.no-smoking", "Không hút thuốc lá tại công sở",
            "hanoi.dossier-on-time", "Giải quyết hồ sơ TTHC đúng hạn",
            "hanoi.attitude", "Không để người dân phản ánh về thái độ giao tiếp, phục vụ");

    /** Extension: how many units the checks covered. */
    static final String UNITS_CHECKED = "hanoi.conduct.units_checked";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("hanoi.conduct-codes", "01",
            "Kiểm tra thực hiện Quy tắc ứng xử nơi công cộng và Quy tắc ứng xử của CBCCVC, người lao động",
            "Quyết định 522/QĐ-UBND ngày 25/01/2017 (Quy tắc ứng xử của CBCCVC, người lao động trong các cơ quan "
                    + "thuộc thành phố Hà Nội); Quyết định 1665/QĐ-UBND ngày 10/3/2017 (Quy tắc ứng xử nơi công cộng)",
            LocalDate.of(2017, 1, 25), null, List.of(RecordTypes.INSPECTION_OBSERVATION.name()),
            List.of(CoreIndicators.CONDUCT_OBSERVATIONS, CoreIndicators.CONDUCT_VIOLATIONS, UNITS_CHECKED),
            List.of(Indicator.extensionCount(UNITS_CHECKED, "Cơ quan được kiểm tra quy tắc ứng xử", "Units whose conduct was checked", "cơ quan")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        return Observations.evaluate(context, "hanoi.",
                rule -> "Chưa thực hiện nghiêm: " + RULES.getOrDefault(rule, rule), Finding.Severity.WARNING, UNITS_CHECKED);
    }
}
