package vn.congvu.api.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.record.RecordTypes;

/**
 * Figures a province has only as totals ({@code figure} records: an index rank, the procedures in force),
 * taken as they are for the period being evaluated.
 */
public final class ReportedFigures {

    private ReportedFigures() {
    }

    /**
     * @param context the evaluation
     * @param codes   the indicator codes the module takes from figure records
     * @return the figures of those codes whose period is the one evaluated
     * @throws IllegalArgumentException naming the record, if its breakdown is not written name=code,...
     */
    public static List<IndicatorValue> of(EvaluationContext context, Collection<String> codes) {
        List<IndicatorValue> values = new ArrayList<>();
        String period = context.period().toString();
        context.forEachRecord(RecordTypes.FIGURE.name(), figure -> {
            if (period.equals(figure.text("period")) && codes.contains(figure.text("indicator"))) {
                String breakdown = figure.text("disaggregation");
                try {
                    values.add(new IndicatorValue(figure.text("indicator"),
                            breakdown == null ? Disaggregation.TOTAL : Disaggregation.parse(breakdown), figure.decimal("value")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("figure " + figure.key() + ": " + e.getMessage(), e);
                }
            }
        });
        return values;
    }
}
