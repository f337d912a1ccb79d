package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.ministry.ReceivedReport;
import vn.congvu.uplink.Uplink;

/**
 * Cao Bằng's node and the ministry in one Felix framework, talking gRPC over a real loopback port: the
 * province imports its 2022 dossiers, evaluates them with the rule bundle, files; the ministry stores.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvinceFilesWithMinistryIT extends CongvuTestSupport {

    /** Written outside the container, by the demo's own generator (not a bundle). */
    private static final String DOSSIERS = "congvu.it.dossiers";

    @Configuration
    public Option[] configuration() throws Exception {
        Path file = workFolder("dossiers").resolve("dossiers-2022.csv");
        vn.congvu.demo.CaoBangDossiers.write(file);
        System.setProperty(DOSSIERS, file.toString());
        return congvuRuntime();
    }

    @Test
    public void caoBang2022_filedOverLoopbackGrpc_ministryStoresWhatTheProvinceComputed() throws Exception {
        Path folder = workFolder("filing");
        configureCaoBangAndMinistry(folder);

        ImportResult imported = service(RecordIntake.class).importFile(Path.of(System.getProperty(DOSSIERS)), "dossier");
        assertTrue(imported.errors().toString(), imported.accepted());
        assertEquals(209_687, imported.records());

        FilingResult filing = service(ReportFiling.class).file(Period.year(2022));
        assertTrue(filing.problems().toString(), filing.filed());
        Report computed = filing.report().get();

        Delivery sent = service(Uplink.class).awaitOutcome(filing.outboxEntryId(), Duration.ofSeconds(60)).orElseThrow();
        assertEquals(sent.lastError(), DeliveryState.DELIVERED, sent.state());

        ReceivedReport stored = service(ReportQueries.class)
                .latest(new ReportKey("04", Period.year(2022), Regime.PERIODIC)).orElseThrow();
        assertEquals(computed, stored.report());
        assertEquals(sent.receiptId(), stored.receiptId());

        // and what was computed is what Cao Bằng's 2022 report states
        assertFigures(stored.report(), AdministrativeLevel.DEPARTMENT, 48_447, 48_207, 240);
        assertFigures(stored.report(), AdministrativeLevel.DISTRICT, 12_650, 12_560, 90);
        assertFigures(stored.report(), AdministrativeLevel.COMMUNE, 145_494, 144_587, 907);
        // the national Decree 48/2023 rule is installed too, but applies only from 17 July 2023
        assertEquals(List.of("caobang.administrative-discipline", "caobang.dossier-timeliness"),
                stored.report().modules().stream().map(ModuleProvenance::moduleId).toList());
        assertEquals(bundle("vn.congvu.rules.caobang").getVersion().toString(), stored.report().modules().get(1).version());
    }

    private static void assertFigures(Report report, AdministrativeLevel level, long resolved, long onTime, long late) {
        assertEquals(BigDecimal.valueOf(resolved), report.value(CoreIndicators.DOSSIER_RESOLVED, level.disaggregation()).orElseThrow());
        assertEquals(BigDecimal.valueOf(onTime), report.value(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, level.disaggregation()).orElseThrow());
        assertEquals(BigDecimal.valueOf(late), report.value(CoreIndicators.DOSSIER_RESOLVED_LATE, level.disaggregation()).orElseThrow());
    }
}
