package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.ministry.ReceivedReport;
import vn.congvu.uplink.Uplink;

/**
 * A report the ministry stored is still there, unchanged and with its receipt, after the store and
 * ministry bundles stop and start again: stopping the store bundle shuts the embedded Derby engine down,
 * and starting it boots Derby again from the files on disk. (DistributionIT does the same across a
 * restart of the whole ministry process.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoredReportSurvivesRestartIT extends CongvuTestSupport {

    private static final ReportKey CAO_BANG_2022_Q1 = new ReportKey("04", Period.parse("2022-Q1"), Regime.PERIODIC);

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    @Test
    public void storedReport_afterStoreAndMinistryRestart_isStillThereWithItsReceipt() throws Exception {
        Path folder = workFolder("restart");
        configureCaoBangAndMinistry(folder);
        Path dossiers = folder.resolve("hồ-sơ-quý-1.csv");
        Files.writeString(dossiers, "id,level,unit,received,due,resolved\n"
                + "Q1-1,commune,UBND xã Đức Long,2022-01-03,2022-01-10,2022-01-07\n"
                + "Q1-2,commune,UBND xã Đức Long,2022-02-03,2022-02-10,2022-02-14\n"
                + "Q1-3,district,UBND huyện Bảo Lạc,2022-03-01,2022-03-15,2022-03-15\n", StandardCharsets.UTF_8);
        assertTrue(service(RecordIntake.class).importFile(dossiers, "dossier").accepted());
        FilingResult filing = service(ReportFiling.class).file(CAO_BANG_2022_Q1.period());
        Delivery sent = service(Uplink.class).awaitOutcome(filing.outboxEntryId(), Duration.ofSeconds(60)).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, sent.state());
        ReceivedReport before = service(ReportQueries.class).latest(CAO_BANG_2022_Q1).orElseThrow();

        Bundle ministry = bundle("vn.congvu.ministry");
        Bundle store = bundle("vn.congvu.store");
        ministry.stop();
        store.stop();
        assertEquals("the ministry still answers queries with its store stopped", null,
                context.getServiceReference(ReportQueries.class));
        store.start();
        ministry.start();

        ReceivedReport after = service(ReportQueries.class).latest(CAO_BANG_2022_Q1).orElseThrow();
        assertEquals(before.report(), after.report());
        assertEquals(filing.report().get(), after.report());
        assertEquals(sent.receiptId(), after.receiptId());
        assertEquals(before.acceptedAt(), after.acceptedAt());
    }
}
