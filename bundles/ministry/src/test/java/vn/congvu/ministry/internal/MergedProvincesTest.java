package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.CatalogServiceGrpc;
import vn.congvu.federation.v1.GetCatalogRequest;
import vn.congvu.federation.v1.GetCatalogResponse;
import vn.congvu.federation.v1.Problem;
import vn.congvu.federation.v1.Rejection;

/**
 * Reports on the 2025 map, over mutual TLS: a unit merged away reports only the periods that end before the
 * merger, its successor files its corrections, and no territory is counted twice in a national table.
 */
class MergedProvincesTest {

    @TempDir
    static Path folder;
    private static TlsFederation federation;
    private static ManagedChannel bacKan;
    private static ManagedChannel thaiNguyen;

    @BeforeAll
    static void start() throws Exception {
        federation = new TlsFederation(folder);
        bacKan = federation.client(federation.province("06", "backan"));
        thaiNguyen = federation.client(federation.province("19", "thainguyen"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ManagedChannel channel : new ManagedChannel[] {bacKan, thaiNguyen}) {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
        if (federation != null) {
            federation.close();
        }
    }

    private static Problem onlyProblem(StatusRuntimeException refused) throws Exception {
        for (Any detail : StatusProto.fromThrowable(refused).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                List<Problem> problems = detail.unpack(Rejection.class).getProblemsList();
                assertEquals(1, problems.size(), problems.toString());
                return problems.get(0);
            }
        }
        throw new AssertionError("no Rejection in " + refused);
    }

    @Test
    void aReportOfAUnitMergedAway_forAPeriodAfterTheMerger_isRefusedSayingWhatHappened() throws Exception {
        long stored = federation.ministry().store().countRevisions();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> TlsFederation.file(bacKan, "06", 2026, 1));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        Problem problem = onlyProblem(refused);
        assertEquals("province.merged", problem.getRule());
        assertTrue(problem.getMessageEn().startsWith("Bắc Kạn (06) was merged into Thái Nguyên (19) on 1 July 2025, "
                + "Nghị quyết 202/2025/QH15"), problem.getMessageEn());
        // the successor cannot file it under the old code either: 2026 is Thái Nguyên's, under 19
        assertEquals("province.merged", onlyProblem(assertThrows(StatusRuntimeException.class,
                () -> TlsFederation.file(thaiNguyen, "06", 2026, 1))).getRule());
        assertEquals(stored, federation.ministry().store().countRevisions(), "nothing stored");
    }

    @Test
    void periodsThatEndBeforeTheMerger_stayTheOldUnits_thoseThatSpanItAreTheSuccessors() throws Exception {
        assertFalse(TlsFederation.file(bacKan, "06", 2021, 1).getReceipt().getReceiptId().isEmpty());
        // the year 2025 ends after 1 July 2025: Thái Nguyên reports it, Bắc Kạn's territory included
        assertEquals("province.merged", onlyProblem(assertThrows(StatusRuntimeException.class,
                () -> TlsFederation.file(bacKan, "06", 2025, 1))).getRule());
        assertFalse(TlsFederation.file(thaiNguyen, "19", 2025, 1).getReceipt().getReceiptId().isEmpty());
    }

    @Test
    void theSuccessorsCertificate_filesAPredecessorsCorrection_butNoOtherProvinceDoes() throws Exception {
        TlsFederation.file(bacKan, "06", 2020, 1);
        assertFalse(TlsFederation.file(thaiNguyen, "06", 2020, 2).getReceipt().getReceiptId().isEmpty());
        assertEquals(2, federation.ministry().store().latest(new ReportKey("06", Period.year(2020), Regime.PERIODIC))
                .orElseThrow().report().revision());

        // an inventory is the sending node's own: the successor never sends one for its predecessor
        assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                () -> TlsFederation.sendInventory(thaiNguyen, "06")).getStatus().getCode());

        ManagedChannel caoBang = federation.client(federation.province("04", "caobang"));
        try {
            assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                    () -> TlsFederation.file(caoBang, "06", 2020, 3)).getStatus().getCode());
        } finally {
            caoBang.shutdownNow();
        }
    }

    @Test
    void aNationalTable_neverCountsATerritoryTwice_evenWithAReportStoredBeforeTheMapChanged() {
        TlsFederation.file(thaiNguyen, "19", 2026, 1);
        // as if stored by a ministry that knew only the 63: the store takes it without the checks
        Report valid = FuzzReports.report(new ReportKey("06", Period.year(2026), Regime.PERIODIC), List.of());
        federation.ministry().store().storeReport(valid, valid.contentHash(), Instant.now());

        List<Report> table = new StoredReportQueries(federation.ministry().store()).latestFor(Period.year(2026));

        assertEquals(List.of("19"), table.stream().map(report -> report.key().provinceCode()).toList());
    }

    @Test
    void theCatalogServesTheGeography_everyVersionAndEveryMerger() {
        GetCatalogResponse catalog = CatalogServiceGrpc.newBlockingStub(thaiNguyen)
                .withDeadlineAfter(20, java.util.concurrent.TimeUnit.SECONDS).getCatalog(GetCatalogRequest.getDefaultInstance());

        assertEquals(29, catalog.getProvincialMergersCount());
        assertTrue(catalog.getProvincialMergersList().stream().anyMatch(merger -> merger.getPredecessor().equals("06")
                && merger.getSuccessor().equals("19") && merger.getEffective().equals("2025-07-01")
                && merger.getAct().equals("Nghị quyết 202/2025/QH15")));
        assertEquals(34, catalog.getProvincialUnitsList().stream().filter(unit -> unit.getValidTo().isEmpty()).count(),
                "the 34 in force");
        assertTrue(catalog.getProvincialUnitsList().stream().anyMatch(unit -> unit.getCode().equals("15")
                && unit.getName().equals("Lào Cai") && unit.getValidFrom().equals("2025-07-01")));
    }
}
