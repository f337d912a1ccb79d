package vn.congvu.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.ReportRules;
import vn.congvu.api.catalog.CatalogCheck;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.api.rule.ModuleResult;

/**
 * Puts the figures and findings of every module into one report, refusing what no single module may do
 * alone, and checks the report against the national catalog before it may be filed.
 */
final class ReportAssembler {

    /**
     * What a module gave.
     *
     * @param module the module
     * @param result its figures
     */
    record Contribution(InstalledModule module, ModuleResult result) {
    }

    /**
     * The assembled report or why there is none.
     *
     * @param report   the report, its revision still to be chosen by the store; null when there are problems
     * @param figures  the figures the modules computed that no module-level check refused, even when the
     *                 report they make is refused (a dry run shows them)
     * @param problems every problem found
     */
    record Assembly(Report report, List<IndicatorValue> figures, List<Problem> problems) {
    }

    private ReportAssembler() {
    }

    static Assembly assemble(Province province, Period period, List<Contribution> contributions) {
        List<Problem> problems = new ArrayList<>();
        if (contributions.isEmpty()) {
            problems.add(Problem.permanent("modules", "modules.none",
                    "Không có mô-đun quy tắc nào của " + province.name() + " áp dụng cho kỳ " + period,
                    "no rule module of " + province.name() + " applies to period " + period));
        }
        Map<String, String> producedBy = new HashMap<>();
        Map<String, String> foundBy = new HashMap<>();
        List<IndicatorValue> values = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<ModuleProvenance> modules = new ArrayList<>();
        for (Contribution contribution : contributions) {
            String moduleId = contribution.module().descriptor().id();
            modules.add(contribution.module().provenance());
            for (IndicatorValue value : contribution.result().values()) {
                String field = value.code() + " (" + value.disaggregation() + ")";
                if (!contribution.module().descriptor().produces().contains(value.code())
                        || NationalCatalog.indicator(value.code()).isEmpty() && contribution.module().descriptor()
                                .extensions().stream().noneMatch(extension -> extension.code().equals(value.code()))) {
                    problems.add(Problem.permanent(field, "module.undeclared_indicator",
                            "Mô-đun " + moduleId + " tính chỉ tiêu " + value.code() + " mà không khai báo (hoặc không định nghĩa)",
                            "module " + moduleId + " produced " + value.code() + " without declaring (or defining) it"));
                    continue;
                }
                if (value.value().signum() < 0) {
                    problems.add(Problem.permanent(field, "value.negative",
                            "Mô-đun " + moduleId + " cho giá trị âm " + value.value(),
                            "module " + moduleId + " produced a negative value " + value.value()));
                    continue;
                }
                String earlier = producedBy.putIfAbsent(field, moduleId);
                if (earlier != null) {
                    problems.add(Problem.permanent(field, "value.produced_twice",
                            "Chỉ tiêu do cả " + earlier + " và " + moduleId + " tính",
                            "both " + earlier + " and " + moduleId + " produced it"));
                    continue;
                }
                values.add(value);
            }
            for (Finding finding : contribution.result().findings()) {
                String earlier = foundBy.putIfAbsent(finding.ruleId() + "|" + finding.unit(), moduleId);
                if (earlier != null) {
                    problems.add(Problem.permanent("finding " + finding.ruleId() + " (" + finding.unit() + ")",
                            "finding.reported_twice", "Phát hiện do cả " + earlier + " và " + moduleId + " báo cáo",
                            "both " + earlier + " and " + moduleId + " reported it"));
                    continue;
                }
                findings.add(finding);
            }
        }
        if (!problems.isEmpty()) {
            return new Assembly(null, values, problems);
        }
        Report report = new Report(new ReportKey(province.code(), period, Regime.PERIODIC), 1, modules, values, findings);
        // the same checks the ministry runs on receipt: a report that would be refused is not filed
        List<Problem> refused = new ArrayList<>(ReportRules.check(report));
        refused.addAll(CatalogCheck.check(report));
        return refused.isEmpty() ? new Assembly(report, values, List.of()) : new Assembly(null, values, refused);
    }
}
