package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;

class ReportAssemblerTest {

    private static final Province CAO_BANG = Province.of("04");
    private static final Period YEAR = Period.year(2022);

    private static InstalledModule module(String id, String... produces) {
        ModuleDescriptor descriptor = new ModuleDescriptor(id, "04", "Tiêu đề", "Căn cứ", LocalDate.of(2020, 1, 1),
                null, List.of("dossier"), List.of(produces));
        return new InstalledModule(null, descriptor, new ModuleProvenance(id, "1.2.0", "ab".repeat(32)));
    }

    private static IndicatorValue resolved(AdministrativeLevel level, long count) {
        return IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, level.disaggregation(), count);
    }

    @Test
    void assemble_twoModules_oneReportNamingBoth() {
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.a", CoreIndicators.DOSSIER_RESOLVED),
                        new ModuleResult(List.of(resolved(AdministrativeLevel.COMMUNE, 145494)), List.of())),
                new ReportAssembler.Contribution(module("caobang.b", CoreIndicators.DOSSIER_RESOLVED_LATE),
                        new ModuleResult(List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_LATE,
                                AdministrativeLevel.COMMUNE.disaggregation(), 907)), List.of()))));

        assertEquals(List.of(), assembly.problems());
        assertEquals(new ReportKey("04", YEAR, Regime.PERIODIC), assembly.report().key());
        assertEquals(List.of("caobang.a", "caobang.b"),
                assembly.report().modules().stream().map(ModuleProvenance::moduleId).toList());
        assertEquals(2, assembly.report().values().size());
    }

    @Test
    void assemble_undeclaredDuplicateAndNegativeFigures_listsEveryProblemAndNoReport() {
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.a", CoreIndicators.DOSSIER_RESOLVED),
                        new ModuleResult(List.of(resolved(AdministrativeLevel.COMMUNE, 1),
                                resolved(AdministrativeLevel.DISTRICT, -3),
                                IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_LATE,
                                        AdministrativeLevel.COMMUNE.disaggregation(), 1)), List.of())),
                new ReportAssembler.Contribution(module("caobang.b", CoreIndicators.DOSSIER_RESOLVED),
                        new ModuleResult(List.of(resolved(AdministrativeLevel.COMMUNE, 1)), List.of()))));

        assertNull(assembly.report());
        assertEquals(List.of("value.negative", "module.undeclared_indicator", "value.produced_twice"),
                assembly.problems().stream().map(Problem::rule).toList());
    }

    @Test
    void assemble_findingTheMinistryWouldRefuse_isNotFiled() {
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.a", CoreIndicators.DOSSIER_RESOLVED),
                        new ModuleResult(List.of(resolved(AdministrativeLevel.COMMUNE, 1)), List.of(
                                new Finding("caobang.late", "Sở".repeat(300), 1, Finding.Severity.WARNING, "trễ hạn\u0000")), List.of()))));

        assertNull(assembly.report());
        assertEquals(List.of("text.too_long", "text.control_character"),
                assembly.problems().stream().map(Problem::rule).toList());
    }

    @Test
    void assemble_breaksANationalCrossCheck_isNotFiled() {
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.feedback", CoreIndicators.FEEDBACK_RECEIVED,
                        CoreIndicators.FEEDBACK_RESOLVED), new ModuleResult(List.of(
                                IndicatorValue.count(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL, 598),
                                IndicatorValue.count(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL, 703)),
                        List.of()))));

        assertNull(assembly.report());
        assertEquals(List.of("check.at_most"), assembly.problems().stream().map(Problem::rule).toList());
    }

    @Test
    void assemble_findingsOfEveryModule_areInTheReport() {
        Finding badge = new Finding("caobang.badge", "Sở Y tế", 2, Finding.Severity.WARNING, "Chưa đeo thẻ");
        Finding twice = new Finding("caobang.badge", "Sở Y tế", 1, Finding.Severity.INFO, "Chưa đeo thẻ");

        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.a", CoreIndicators.DOSSIER_RESOLVED),
                        new ModuleResult(List.of(), List.of(badge), List.of()))));
        ReportAssembler.Assembly clash = ReportAssembler.assemble(CAO_BANG, YEAR, List.of(
                new ReportAssembler.Contribution(module("caobang.a"), new ModuleResult(List.of(), List.of(badge), List.of())),
                new ReportAssembler.Contribution(module("caobang.b"), new ModuleResult(List.of(), List.of(twice), List.of()))));

        assertEquals(List.of(badge), assembly.report().findings());
        assertEquals(List.of("finding.reported_twice"), clash.problems().stream().map(Problem::rule).toList());
    }

    @Test
    void assemble_extensionIndicator_onlyWithItsDefinition() {
        InstalledModule undefined = module("caobang.a", "caobang.decisions");
        ModuleDescriptor defining = new ModuleDescriptor("caobang.b", "04", "Tiêu đề", "Căn cứ", LocalDate.of(2020, 1, 1), null,
                List.of("procedure.change"), List.of("caobang.decisions"),
                List.of(Indicator.extensionCount("caobang.decisions", "Quyết định công bố", "Decisions", "quyết định")));
        InstalledModule defined = new InstalledModule(null, defining, new ModuleProvenance("caobang.b", "1.2.0", "cd".repeat(32)));
        ModuleResult result = new ModuleResult(List.of(IndicatorValue.count("caobang.decisions", Disaggregation.TOTAL, 43)), List.of());

        assertEquals(List.of("module.undeclared_indicator"), ReportAssembler.assemble(CAO_BANG, YEAR,
                List.of(new ReportAssembler.Contribution(undefined, result))).problems().stream().map(Problem::rule).toList());
        assertEquals(List.of(), ReportAssembler.assemble(CAO_BANG, YEAR,
                List.of(new ReportAssembler.Contribution(defined, result))).problems());
    }

    @Test
    void assemble_noModule_isAProblemNotAnEmptyReport() {
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(CAO_BANG, YEAR, List.of());

        assertEquals(List.of("modules.none"), assembly.problems().stream().map(Problem::rule).toList());
    }
}
