package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.testing.RecordsContext;

class FeedbackTimelinessTest {

    /** One feedback item of 2024 per row: when it was received and resolved, and what the module makes of it. */
    @ParameterizedTest(name = "received {0}, resolved ''{1}'': {2} within 10 days, findings {3}")
    @CsvSource({
            "2024-03-01, 2024-03-05, 1, ''",
            "2024-03-01, 2024-03-11, 1, ''",
            "2024-03-01, 2024-03-12, 0, ${slug}.feedback.resolved_late@-x1",
            "2024-03-01, '', 0, ''",
            "2023-12-28, 2024-01-02, 0, ''",
            "2024-12-31, 2025-01-03, 1, ''"})
    void evaluate_countsFeedbackResolvedWithin10Days(String received, String resolved, long withinTenDays, String findings) {
        RecordsContext context = new RecordsContext("${province}", Period.year(2024))
                .add(RecordTypes.FEEDBACK, "id=PA-1", "received=" + received, "resolved=" + resolved);

        ModuleResult result = new FeedbackTimeliness().evaluate(context);

        // "" is the total: a breakdown would be written "name=code", several joined by "," ("level=commune")
        assertEquals(Optional.of(BigDecimal.valueOf(withinTenDays)),
                RecordsContext.value(result, FeedbackTimeliness.RESOLVED_IN_TIME, ""));
        assertEquals(findings.isEmpty() ? List.of() : List.of(findings), RecordsContext.findings(result));
    }

    /** What a node checks before it files: every figure declared, every extension defined and named after the module. */
    @Test
    void evaluate_producesOnlyWhatTheDescriptorDeclares() {
        FeedbackTimeliness module = new FeedbackTimeliness();
        RecordsContext context = new RecordsContext("${province}", Period.year(2024))
                .add(RecordTypes.FEEDBACK, "id=PA-1", "received=2024-05-02", "resolved=2024-05-03");

        for (IndicatorValue value : module.evaluate(context).values()) {
            assertTrue(module.descriptor().produces().contains(value.code()), value.code() + " is not declared");
        }
        String prefix = module.descriptor().id().substring(0, module.descriptor().id().indexOf('.') + 1);
        assertEquals("${slug}.", prefix);
        assertEquals(List.of(FeedbackTimeliness.RESOLVED_IN_TIME),
                module.descriptor().extensions().stream().map(Indicator::code).toList());
    }
}
