package vn.congvu.it;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;

/**
 * The ministry knows what each province node runs: Cao Bằng's node reports its rule modules (their
 * versions and jar checksums) on start, and again within seconds when a rule bundle goes or comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeInventoryIT extends CongvuTestSupport {

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    private List<String> caoBangModules() {
        try {
            return service(ReportQueries.class).nodes().stream().filter(node -> node.provinceCode().equals("04"))
                    .map(NodeInventory::modules).findFirst().orElse(List.of()).stream()
                    .map(module -> module.moduleId() + " " + module.version()).toList();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void provinceNode_reportsWhatItRuns_andEveryChange() throws Exception {
        configureCaoBangAndMinistry(workFolder("inventory"));
        Bundle caoBang = bundle("vn.congvu.rules.caobang");
        String version = caoBang.getVersion().toString();
        String national = "national.decree48-rating " + bundle("vn.congvu.rules.national").getVersion();
        List<String> everything = List.of("caobang.administrative-discipline " + version, "caobang.dossier-timeliness " + version, national);

        eventually("the ministry knows Cao Bằng's modules", () -> caoBangModules().equals(everything));
        NodeModule reported = service(ReportQueries.class).nodes().get(0).modules().get(0);
        assertEquals(64, reported.jarSha256().length());
        assertEquals("04", reported.moduleProvince());

        caoBang.stop();
        eventually("the ministry knows Cao Bằng's own modules are gone", () -> caoBangModules().equals(List.of(national)));
        caoBang.start();
        eventually("the ministry knows they are back", () -> caoBangModules().equals(everything));
    }
}
