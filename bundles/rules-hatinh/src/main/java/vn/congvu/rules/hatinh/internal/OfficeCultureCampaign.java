package vn.congvu.rules.hatinh.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import vn.congvu.api.catalog.Indicator;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.ReportedFigures;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.api.rule.Tally;

/**
 * Hà Tĩnh's campaign "CBCCVC Hà Tĩnh thi đua thực hiện phong trào văn hóa công sở": personal commitments
 * signed, agencies with a feedback box, and staff disciplined for breaking the public-service culture
 * code, reported as a real zero when there were none.
 */
@Component(service = RuleModule.class)
public class OfficeCultureCampaign implements RuleModule {

    /** Extension: how many units' staff signed commitments. */
    static final String UNITS_COMMITTED = "hatinh.campaign.units_committed";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor("hatinh.office-culture-campaign", "42",
            "Phong trào \"CBCCVC Hà Tĩnh thi đua thực hiện phong trào văn hóa công sở\"",
            "Quyết định 129/2007/QĐ-TTg ngày 02/8/2007; Quyết định 1847/QĐ-TTg ngày 27/12/2018; "
                    + "Quyết định 20/2019/QĐ-UBND ngày 19/4/2019 của UBND tỉnh Hà Tĩnh",
            LocalDate.of(2019, 4, 19), null,
            List.of(RecordTypes.COMMITMENT.name(), RecordTypes.DISCIPLINE.name(), RecordTypes.FIGURE.name()),
            List.of(CoreIndicators.CAMPAIGN_COMMITMENTS, CoreIndicators.CAMPAIGN_FEEDBACK_BOXES,
                    CoreIndicators.STAFF_DISCIPLINED_CONDUCT, UNITS_COMMITTED),
            List.of(Indicator.extensionCount(UNITS_COMMITTED, "Cơ quan, đơn vị có CBCCVC ký cam kết",
                    "Units whose staff signed commitments", "cơ quan, đơn vị")));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Tally tally = new Tally().zero(CoreIndicators.CAMPAIGN_COMMITMENTS, Disaggregation.TOTAL)
                .zero(CoreIndicators.STAFF_DISCIPLINED_CONDUCT, Disaggregation.TOTAL);
        Set<String> units = new HashSet<>();
        context.forEachRecord(RecordTypes.COMMITMENT.name(), commitment -> {
            if (context.period().contains(commitment.date("signed"))) {
                tally.increment(CoreIndicators.CAMPAIGN_COMMITMENTS, Disaggregation.TOTAL);
                units.add(commitment.text("unit"));
            }
        });
        tally.add(UNITS_COMMITTED, Disaggregation.TOTAL, units.size());
        context.forEachRecord(RecordTypes.DISCIPLINE.name(), discipline -> {
            if (context.period().contains(discipline.date("decided")) && "conduct_code".equals(discipline.text("cause"))) {
                tally.increment(CoreIndicators.STAFF_DISCIPLINED_CONDUCT, Disaggregation.TOTAL);
            }
        });
        List<IndicatorValue> values = new ArrayList<>(tally.values());
        values.addAll(ReportedFigures.of(context, List.of(CoreIndicators.CAMPAIGN_FEEDBACK_BOXES)));
        long disciplined = tally.get(CoreIndicators.STAFF_DISCIPLINED_CONDUCT, Disaggregation.TOTAL);
        String line = disciplined == 0
                ? "Trong năm, chưa có cán bộ, công chức, viên chức vi phạm Quy chế văn hóa công vụ phải xem xét, xử lý kỷ luật."
                : "Có " + VietnameseNumbers.count(disciplined) + " cán bộ, công chức, viên chức bị xử lý kỷ luật do vi phạm Quy chế văn hóa công vụ.";
        return new ModuleResult(values, List.of(String.format("Đã ký %s bản cam kết thực hiện phong trào.",
                VietnameseNumbers.count(tally.get(CoreIndicators.CAMPAIGN_COMMITMENTS, Disaggregation.TOTAL))), line));
    }
}
