package vn.congvu.rules.hanoi.internal;

import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.ReportedFigures;
import vn.congvu.api.rule.RuleModule;

/** The procedures each Hà Nội department handles, and how many it offers online, as its inspection reports. */
@Component(service = RuleModule.class)
public class OnlineProcedures implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("hanoi.online-procedures", "01",
            "Thủ tục hành chính và dịch vụ công trực tuyến theo cơ quan",
            "Nghị định 61/2018/NĐ-CP; Nghị định 42/2022/NĐ-CP về cung cấp dịch vụ công trực tuyến",
            LocalDate.of(2018, 6, 21), null, List.of(RecordTypes.FIGURE.name()),
            List.of(CoreIndicators.PROCEDURE_TOTAL, CoreIndicators.PROCEDURE_ONLINE));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        return new ModuleResult(ReportedFigures.of(context, DESCRIPTOR.produces()), List.of());
    }
}
