package vn.congvu.rules.tuyenquang.internal;

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
 * Tuyên Quang's campaign "CBCCVC tỉnh Tuyên Quang thi đua thực hiện văn hóa công sở giai đoạn 2019-2025"
 * and its conduct rule "4 xin, 4 luôn", checked at the units where staff receive citizens: each of the
 * eight behaviours observed kept or broken. Each behaviour broken at a unit is a finding.
 */
@Component(service = RuleModule.class)
public class FourPleasesFourAlways implements RuleModule {

    static final Map<String, String> RULES = Map.of(
            "tuyenquang.xin-chao", "Xin chào", "tuyenquang.xin-loi", "Xin lỗi",
            "tuyenquang.xin-cam-on", "Xin cảm ơn", "tuyenquang.xin-phep", "Xin phép",
            "tuyenquang.luon-mim-cuoi", "Luôn mỉm cười", "tuyenquang.luon-nhe-nhang", "Luôn nhẹ nhàng",
            "tuyenquang.luon-lang-nghe", "Luôn lắng nghe", "tuyenquang.luon-giup-do", "Luôn giúp đỡ");

    /** Extension: how many units the checks covered. */
    static final String UNITS_CHECKED = "tuyenquang.conduct.units_checked";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("tuyenquang.four-pleases-four-always", "08",
            "Phong trào thi đua thực hiện văn hóa công sở giai đoạn 2019-2025: \"4 xin, 4 luôn\"",
            "Phong trào \"CBCCVC tỉnh Tuyên Quang thi đua thực hiện văn hóa công sở giai đoạn 2019-2025\"; "
                    + "Quyết định 1847/QĐ-TTg ngày 27/12/2018",
            LocalDate.of(2019, 1, 1), LocalDate.of(2025, 12, 31), List.of(RecordTypes.INSPECTION_OBSERVATION.name()),
            List.of(CoreIndicators.CONDUCT_OBSERVATIONS, CoreIndicators.CONDUCT_VIOLATIONS, UNITS_CHECKED),
            List.of(Indicator.extensionCount(UNITS_CHECKED, "Bộ phận được kiểm tra \"4 xin, 4 luôn\"", "Units whose conduct was checked", "cơ quan")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        return Observations.evaluate(context, "tuyenquang.",
                rule -> "Chưa thực hiện \"" + RULES.getOrDefault(rule, rule) + "\" khi tiếp công dân", Finding.Severity.WARNING, UNITS_CHECKED);
    }
}
