package ${package}.internal;

import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * ${provinceName}'s feedback timeliness (an example to replace with the province's own rules): of the citizen
 * feedback items (phản ánh, kiến nghị) received in the period, how many were resolved within 10 days, and a
 * finding for those resolved later.
 *
 * <p>It produces an extension indicator of its own, coded {@code ${slug}.<name>} after the first segment of its
 * id and defined in its descriptor: a node files it beside any other module's figures (the national rule
 * bundle's, another ${provinceName} bundle's) without two modules producing the same figure. A module that
 * reports national indicators (such as {@code CoreIndicators.FEEDBACK_RECEIVED}) lists them in
 * {@code produces} instead, and must be the only module on the node that produces them.
 */
@Component(service = RuleModule.class)
public class FeedbackTimeliness implements RuleModule {

    /** Extension: feedback received in the period and resolved within 10 days. */
    static final String RESOLVED_IN_TIME = "${slug}.feedback.resolved_within_10_days";
    /** The finding's rule: feedback resolved more than 10 days after it was received. */
    static final String RESOLVED_LATE = "${slug}.feedback.resolved_late";
    /** Days to resolve a feedback item. */
    static final int DAYS = 10;

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("${slug}.feedback-timeliness", "${province}",
            "Phản ánh, kiến nghị được xử lý trong " + DAYS + " ngày",
            "Nghị định 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
            LocalDate.of(2020, 1, 1), null,
            List.of(RecordTypes.FEEDBACK.name()),
            List.of(RESOLVED_IN_TIME),
            List.of(Indicator.extensionCount(RESOLVED_IN_TIME, "Phản ánh, kiến nghị được xử lý trong " + DAYS + " ngày",
                    "Feedback resolved within " + DAYS + " days", "phản ánh, kiến nghị")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Tally tally = new Tally().zero(RESOLVED_IN_TIME, Disaggregation.TOTAL);   // a real 0 when there are none
        long[] late = new long[1];   // changed inside the lambda below
        context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> {
            LocalDate received = feedback.date("received");
            LocalDate resolved = feedback.date("resolved");
            if (!context.period().contains(received) || resolved == null) {
                return;
            }
            if (resolved.isAfter(received.plusDays(DAYS))) {
                late[0]++;
            } else {
                tally.increment(RESOLVED_IN_TIME, Disaggregation.TOTAL);
            }
        });
        List<Finding> findings = late[0] == 0 ? List.of() : List.of(new Finding(RESOLVED_LATE, "-", late[0],
                Finding.Severity.WARNING, "Phản ánh, kiến nghị được xử lý sau quá " + DAYS + " ngày"));
        String line = "Đã xử lý " + VietnameseNumbers.count(tally.get(RESOLVED_IN_TIME, Disaggregation.TOTAL))
                + " phản ánh, kiến nghị trong " + DAYS + " ngày.";
        return new ModuleResult(tally.values(), findings, List.of(line));
    }
}
