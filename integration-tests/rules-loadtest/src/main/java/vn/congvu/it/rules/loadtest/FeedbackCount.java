package vn.congvu.it.rules.loadtest;

import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/** Feedback received and resolved, for every province and every period since 2000: a small report each. */
@Component(service = RuleModule.class)
public class FeedbackCount implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("loadtest.feedback", ModuleDescriptor.ALL_PROVINCES,
            "Phản ánh, kiến nghị (kiểm thử tải)", "Chỉ dùng để kiểm thử", LocalDate.of(2000, 1, 1), null,
            List.of(RecordTypes.FEEDBACK.name()), List.of(CoreIndicators.FEEDBACK_RECEIVED, CoreIndicators.FEEDBACK_RESOLVED));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Tally tally = new Tally().zero(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL)
                .zero(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL);
        context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> {
            if (context.period().contains(feedback.date("received"))) {
                tally.increment(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL);
                if (feedback.date("resolved") != null) {
                    tally.increment(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL);
                }
            }
        });
        return new ModuleResult(tally.values(), List.of());
    }
}
