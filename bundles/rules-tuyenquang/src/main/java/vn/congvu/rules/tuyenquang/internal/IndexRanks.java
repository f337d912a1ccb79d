package vn.congvu.rules.tuyenquang.internal;

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

/** The ranks Tuyên Quang cites in PCI, PAR INDEX and SIPAS: figures the province has only as published. */
@Component(service = RuleModule.class)
public class IndexRanks implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("tuyenquang.index-ranks", "08",
            "Thứ hạng chỉ số PCI, PAR INDEX, SIPAS", "Công bố chỉ số PCI (VCCI), PAR INDEX và SIPAS (Bộ Nội vụ)",
            LocalDate.of(2015, 1, 1), null, List.of(RecordTypes.FIGURE.name()), List.of(CoreIndicators.INDEX_RANK));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        return new ModuleResult(ReportedFigures.of(context, List.of(CoreIndicators.INDEX_RANK)), List.of());
    }
}
