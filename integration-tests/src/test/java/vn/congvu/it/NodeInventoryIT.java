package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.ministry.ProvinceNode;
import vn.congvu.ministry.RunningModule;

/**
 * The ministry knows what each province node runs: Cao Bằng's node reports its rule modules (their
 * versions, jar checksums, who signed each jar and what each produces, so the ministry names the module that
 * computed each figure of a report) on start, and again within seconds when a rule bundle
 * goes or comes back, or when its rule bundle manager, which knows the signers, stops or starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeInventoryIT extends CongvuTestSupport {

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    private List<RunningModule> caoBangAtTheMinistry() {
        try {
            return service(ReportQueries.class).nodes().stream().filter(node -> node.provinceCode().equals("04"))
                    .map(ProvinceNode::modules).findFirst().orElse(List.of());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> caoBangModules() {
        return caoBangAtTheMinistry().stream().map(module -> module.moduleId() + " " + module.version()).toList();
    }

    /** @return the signer of each module, by id, as the ministry holds it */
    private Map<String, String> signersAtTheMinistry() {
        Map<String, String> signers = new TreeMap<>();
        caoBangAtTheMinistry().forEach(module -> signers.put(module.moduleId(), module.signer()));
        return signers;
    }

    /** @return the signer of each module that serves, by id, as the province's rule bundle manager reports it */
    private Map<String, String> signersAtTheProvince() {
        Map<String, String> signers = new TreeMap<>();
        try {
            for (RuleBundle bundle : service(RuleBundles.class).installed()) {
                bundle.modules().stream().filter(InstalledModuleInfo::serving)
                        .forEach(module -> signers.put(module.descriptor().id(), bundle.signer()));
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return signers;
    }

    /** @return the modules that serve, as the province's rule bundle manager reports them */
    private List<InstalledModuleInfo> servingAtTheProvince() {
        try {
            return service(RuleBundles.class).installed().stream().flatMap(bundle -> bundle.modules().stream())
                    .filter(InstalledModuleInfo::serving).toList();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** @return what each module produces, by id, as the ministry holds it (each list by code) */
    private Map<String, List<String>> producesAtTheMinistry() {
        Map<String, List<String>> produces = new TreeMap<>();
        caoBangAtTheMinistry().forEach(module -> produces.put(module.moduleId(), module.produces()));
        return produces;
    }

    /**
     * What each module produces reaches the ministry, which then names the module that computed each figure of a
     * report those modules made (the figures here are one per code the modules declare, as the report's modules
     * name them: id, version, jar).
     */
    private void assertTheMinistryKnowsWhichModuleComputedEachFigure() throws InterruptedException {
        List<InstalledModuleInfo> serving = servingAtTheProvince();
        Map<String, List<String>> declared = new TreeMap<>();
        Map<String, ModuleProvenance> expected = new TreeMap<>();
        List<IndicatorValue> figures = new ArrayList<>();
        for (InstalledModuleInfo module : serving) {
            declared.put(module.descriptor().id(), module.descriptor().produces().stream().sorted().toList());
            for (String code : module.descriptor().produces()) {
                expected.put(code, module.provenance());
                figures.add(new IndicatorValue(code, Disaggregation.TOTAL, BigDecimal.ONE));
            }
        }
        assertTrue("Cao Bằng's dossier module declares the on-time figure: " + declared,
                declared.get("caobang.dossier-timeliness").contains("dossier.resolved.on_time"));
        eventually("the ministry knows what each module produces " + declared, () -> producesAtTheMinistry().equals(declared));

        Report report = new Report(new ReportKey("04", Period.year(2025), Regime.PERIODIC), 1,
                serving.stream().map(InstalledModuleInfo::provenance).toList(), figures);
        Map<String, ModuleProvenance> producers = service(ReportQueries.class).producers(report);
        assertEquals(expected, producers);
        assertEquals("caobang.dossier-timeliness", producers.get("dossier.resolved.on_time").moduleId());
    }

    @Test
    public void provinceNode_reportsWhatItRuns_andEveryChange() throws Exception {
        Path work = workFolder("inventory");
        configureCaoBangAndMinistry(work);
        configureRuleBundles(work.resolve("deploy"), work.resolve("archive"));
        Bundle caoBang = bundle("vn.congvu.rules.caobang");
        String version = caoBang.getVersion().toString();
        String national = "national.decree48-rating " + bundle("vn.congvu.rules.national").getVersion();
        List<String> everything = List.of("caobang.administrative-discipline " + version, "caobang.dossier-timeliness " + version, national);

        eventually("the ministry knows Cao Bằng's modules", () -> caoBangModules().equals(everything));
        RunningModule reported = service(ReportQueries.class).nodes().get(0).modules().get(0);
        assertEquals(64, reported.jarSha256().length());
        assertEquals("04", reported.moduleProvince());
        assertTheMinistryKnowsWhichModuleComputedEachFigure();

        // who signed each module: the bundles were installed by the test, not through deploy/, so the rule bundle
        // manager verifies their jars when asked: the build's demo publisher signed them
        Map<String, String> atTheProvince = signersAtTheProvince();
        assertEquals(List.of("caobang.administrative-discipline", "caobang.dossier-timeliness", "national.decree48-rating"),
                List.copyOf(atTheProvince.keySet()));
        assertTrue(atTheProvince.toString(), atTheProvince.values().stream()
                .allMatch(signer -> signer.startsWith("CN=congvu demo publisher,") && signer.matches(".* \\(sha256 [0-9a-f]{12}\\)")));
        eventually("the ministry shows each module's signer as the province knows it " + atTheProvince,
                () -> signersAtTheMinistry().equals(atTheProvince));

        // the uplink works on without the rule bundle manager: the inventory goes again, saying no signer
        Bundle manager = bundle("vn.congvu.modules");
        manager.stop();
        eventually("the ministry knows the province no longer says who signed its modules",
                () -> signersAtTheMinistry().equals(Map.of("caobang.administrative-discipline", "",
                        "caobang.dossier-timeliness", "", "national.decree48-rating", "")));
        assertEquals(everything, caoBangModules());
        manager.start();
        eventually("the ministry shows the signers again", () -> signersAtTheMinistry().equals(signersAtTheProvince()));

        caoBang.stop();
        eventually("the ministry knows Cao Bằng's own modules are gone", () -> caoBangModules().equals(List.of(national)));
        caoBang.start();
        eventually("the ministry knows they are back", () -> caoBangModules().equals(everything));
        eventually("with their signers", () -> signersAtTheMinistry().equals(signersAtTheProvince()));
    }
}
