package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
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
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * The ministry knows what each province node runs: Cao Bằng's node reports its rule modules (their
 * versions, jar checksums and who signed each jar) on start, and again within seconds when a rule bundle
 * goes or comes back, or when its rule bundle manager, which knows the signers, stops or starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeInventoryIT extends CongvuTestSupport {

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    private List<NodeModule> caoBangAtTheMinistry() {
        try {
            return service(ReportQueries.class).nodes().stream().filter(node -> node.provinceCode().equals("04"))
                    .map(NodeInventory::modules).findFirst().orElse(List.of());
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
        NodeModule reported = service(ReportQueries.class).nodes().get(0).modules().get(0);
        assertEquals(64, reported.jarSha256().length());
        assertEquals("04", reported.moduleProvince());

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
