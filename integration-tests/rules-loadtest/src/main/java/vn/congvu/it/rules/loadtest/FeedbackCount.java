package vn.congvu.it.rules.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * Feedback received and resolved, for every province and every period since 2000: a small report each.
 * {@code loadtest-rule.properties} in the jar adds a fixed number to the feedback received, so that tests
 * can build a variant jar whose figures differ (a negative number: figures the catalog check refuses).
 */
@Component(service = RuleModule.class)
public class FeedbackCount implements RuleModule {

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("loadtest.feedback", ModuleDescriptor.ALL_PROVINCES,
            "Phản ánh, kiến nghị (kiểm thử tải)", "Chỉ dùng để kiểm thử", LocalDate.of(2000, 1, 1), null,
            List.of(RecordTypes.FEEDBACK.name()), List.of(CoreIndicators.FEEDBACK_RECEIVED, CoreIndicators.FEEDBACK_RESOLVED));

    private final long receivedExtra = receivedExtra();

    private static long receivedExtra() {
        Properties properties = new Properties();
        try (InputStream in = FeedbackCount.class.getResourceAsStream("/loadtest-rule.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loadtest-rule.properties", e);
        }
        return Long.parseLong(properties.getProperty("received.extra", "0").trim());
    }

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
        tally.add(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL, receivedExtra);
        return new ModuleResult(tally.values(), List.of());
    }
}
