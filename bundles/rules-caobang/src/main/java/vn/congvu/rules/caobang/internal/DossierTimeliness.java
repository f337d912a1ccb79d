package vn.congvu.rules.caobang.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;

/**
 * Cao Bằng's dossier timeliness: of the dossiers resolved in the period, how many on time and how many
 * late, at departments, districts and communes, as section II of the province's 2022 report counts them.
 *
 * <p>A dossier counts in the period its resolution falls in; it is on time when resolved on or before its
 * due date ("giải quyết trước, đúng hạn"), late otherwise. Pending dossiers are not counted. Each unit that
 * resolved dossiers late is a finding, with how many.
 */
@Component(service = RuleModule.class)
public class DossierTimeliness implements RuleModule {

    static final String ID = "caobang.dossier-timeliness";

    private static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(ID, "04",
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn theo cấp (sở, ngành; UBND cấp huyện; UBND cấp xã)",
            "Nghị định 61/2018/NĐ-CP; Kế hoạch 3652/KH-UBND ngày 24/12/2021 về CCHC tỉnh Cao Bằng năm 2022",
            LocalDate.of(2018, 6, 21), null,
            List.of(RecordTypes.DOSSIER.name()),
            List.of(CoreIndicators.DOSSIER_RESOLVED, CoreIndicators.DOSSIER_RESOLVED_ON_TIME,
                    CoreIndicators.DOSSIER_RESOLVED_LATE));

    @Override
    public ModuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ModuleResult evaluate(EvaluationContext context) {
        Map<AdministrativeLevel, long[]> counts = new EnumMap<>(AdministrativeLevel.class);
        for (AdministrativeLevel level : AdministrativeLevel.values()) {
            counts.put(level, new long[2]);
        }
        Map<String, Long> lateByUnit = new TreeMap<>();
        Period period = context.period();
        context.forEachRecord(RecordTypes.DOSSIER.name(), dossier -> {
            if (count(dossier, period, counts)) {
                lateByUnit.merge(dossier.text("unit"), 1L, Long::sum);
            }
        });
        List<Finding> findings = new ArrayList<>();
        lateByUnit.forEach((unit, late) -> findings.add(new Finding(ID + ".late", unit, late, Finding.Severity.WARNING,
                "Hồ sơ TTHC giải quyết trễ hạn")));

        List<IndicatorValue> values = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        for (AdministrativeLevel level : AdministrativeLevel.values()) {
            long onTime = counts.get(level)[0];
            long late = counts.get(level)[1];
            long resolved = onTime + late;
            values.add(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, level.disaggregation(), resolved));
            values.add(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, level.disaggregation(), onTime));
            values.add(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_LATE, level.disaggregation(), late));
            narrative.add(String.format("Tỷ lệ hồ sơ TTHC do %s tiếp nhận được giải quyết đúng hạn đạt %s (%s/%s hồ sơ; trễ hạn %s).",
                    level.labelVi(),
                    VietnameseNumbers.percent(java.math.BigDecimal.valueOf(onTime), java.math.BigDecimal.valueOf(resolved)),
                    VietnameseNumbers.count(onTime), VietnameseNumbers.count(resolved), VietnameseNumbers.count(late)));
        }
        return new ModuleResult(values, findings, narrative);
    }

    /** Counts a dossier resolved in the period; returns whether it was late. */
    private static boolean count(Record dossier, Period period, Map<AdministrativeLevel, long[]> counts) {
        LocalDate resolved = dossier.date("resolved");
        if (resolved == null || !period.contains(resolved)) {
            return false;
        }
        AdministrativeLevel level = AdministrativeLevel.byCode(dossier.text("level")).orElseThrow(() ->
                new IllegalArgumentException("dossier " + dossier.key() + " has unknown level '" + dossier.text("level") + "'"));
        boolean onTime = !resolved.isAfter(dossier.date("due"));
        counts.get(level)[onTime ? 0 : 1]++;
        return !onTime;
    }
}
