package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.proto.ProblemMessages;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.StoreOutcome;

class ReportingEndpointTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2023-01-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Report CAO_BANG_2022 = new Report(new ReportKey("04", Period.year(2022), Regime.PERIODIC), 1,
            List.of(new ModuleProvenance("caobang.dossier-timeliness", "0.1.0", "0a".repeat(32))),
            List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), 48447),
                    IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, AdministrativeLevel.DEPARTMENT.disaggregation(), 48207)));

    private final InMemoryMinistryStore store = new InMemoryMinistryStore();
    private final List<Report> announced = new ArrayList<>();
    private Server server;
    private ManagedChannel channel;
    private ReportingServiceGrpc.ReportingServiceBlockingStub ministry;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(plaintext(new ReportingEndpoint(store, TODAY, announced::add))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        ministry = ReportingServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    /** The service as the ministry serves it in plaintext: every caller unverified. */
    private static io.grpc.ServerServiceDefinition plaintext(io.grpc.BindableService service) {
        return io.grpc.ServerInterceptors.intercept(service, new ProvinceAuthentication(null, null));
    }

    /** Replaces the server with one serving the given service. */
    private void serve(io.grpc.BindableService service) throws java.io.IOException {
        server.shutdownNow();
        channel.shutdownNow();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(plaintext(service)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        ministry = ReportingServiceGrpc.newBlockingStub(channel);
    }

    private Receipt submit(Report report) {
        return ministry.submitReport(SubmitReportRequest.newBuilder()
                .setReport(ReportMessages.toMessage(report, Instant.parse("2023-01-05T00:00:00Z"))).build()).getReceipt();
    }

    private static List<Problem> problems(StatusRuntimeException error) throws Exception {
        for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                return ProblemMessages.fromRejection(detail.unpack(Rejection.class));
            }
        }
        throw new AssertionError("no Rejection in the status details of " + error);
    }

    @Test
    void submit_validReport_isStoredWithAReceipt() {
        Receipt receipt = submit(CAO_BANG_2022);

        assertEquals("BNV-TEST-1", receipt.getReceiptId());
        assertFalse(receipt.getDuplicate());
        assertEquals(CAO_BANG_2022, store.latest(CAO_BANG_2022.key()).orElseThrow().report());
        assertEquals(List.of(CAO_BANG_2022), announced);
    }

    @Test
    void submit_sameRevisionTwice_returnsFirstReceipt() {
        Receipt first = submit(CAO_BANG_2022);

        Receipt again = submit(CAO_BANG_2022);

        assertEquals(first.getReceiptId(), again.getReceiptId());
        assertTrue(again.getDuplicate());
        assertEquals(1, store.countRevisions());
        assertEquals(1, announced.size());
    }

    @Test
    void submit_sameRevisionOtherFigures_isAConflict() throws Exception {
        submit(CAO_BANG_2022);
        Report changed = new Report(CAO_BANG_2022.key(), 1, CAO_BANG_2022.modules(),
                List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), 1)));

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> submit(changed));

        assertEquals(Status.Code.ALREADY_EXISTS, error.getStatus().getCode());
        assertEquals("revision.conflict", problems(error).get(0).rule());
        assertEquals(1, store.countRevisions());
    }

    @Test
    void submit_reportMissingItsProvince_isInvalidArgumentNamingTheField() throws Exception {
        SubmitReportRequest request = SubmitReportRequest.newBuilder().setReport(
                ReportMessages.toMessage(CAO_BANG_2022, Instant.now()).toBuilder()
                        .setKey(ReportMessages.toMessage(CAO_BANG_2022.key()).toBuilder().clearProvinceCode())).build();

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> ministry.submitReport(request));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        Problem problem = problems(error).get(0);
        assertEquals("key.province_code", problem.field());
        assertEquals("Báo cáo thiếu mã tỉnh", problem.messageVi());
        assertFalse(problem.retryable());
        assertEquals(0, store.countRevisions());
    }

    @Test
    void submit_manyThingsWrong_listsEveryProblemAtOnce() throws Exception {
        Report bad = new Report(new ReportKey("99", Period.year(2024), Regime.PERIODIC), 1, List.of(),
                List.of(new IndicatorValue(CoreIndicators.DOSSIER_RESOLVED, Disaggregation.of("level", "ward"),
                        new java.math.BigDecimal("2.5"))));
        SubmitReportRequest request = SubmitReportRequest.newBuilder()
                .setReport(ReportMessages.toMessage(bad, Instant.now()).toBuilder().setContentHash("00")).build();

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> ministry.submitReport(request));

        assertEquals(List.of("province.unknown", "period.future", "content_hash.mismatch", "modules.missing",
                "value.not_a_count", "disaggregation.unknown_code"),
                problems(error).stream().map(Problem::rule).toList());
        assertEquals(0, store.countRevisions());
    }

    @Test
    void submit_reportBreakingACrossCheck_isRefusedEvenIfTheClientSkippedItsOwnCheck() throws Exception {
        Report broken = new Report(CAO_BANG_2022.key(), 1, CAO_BANG_2022.modules(), List.of(
                IndicatorValue.count(CoreIndicators.FEEDBACK_RECEIVED, Disaggregation.TOTAL, 598),
                IndicatorValue.count(CoreIndicators.FEEDBACK_RESOLVED, Disaggregation.TOTAL, 703),
                IndicatorValue.count(CoreIndicators.REFORM_TASKS_PLANNED, Disaggregation.TOTAL, 55),
                IndicatorValue.count(CoreIndicators.REFORM_TASKS_DONE, Disaggregation.TOTAL, 59)));

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> submit(broken));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertEquals(List.of("feedback.resolved ()", "reform.tasks.done ()"),
                problems(error).stream().map(problem -> problem.field().replace("total", "")).toList());
        assertEquals(0, store.countRevisions());
        // kept for the reporting calendar: Cao Bằng's 2022 report is refused, not missing
        vn.congvu.store.Refusal refusal = store.refusals().get(0);
        assertEquals(List.of(CAO_BANG_2022.key(), 1, 2, TODAY.instant()),
                List.of(refusal.key(), refusal.revision(), refusal.problemCount(), refusal.refusedAt()));
        assertTrue(refusal.problems().get(0).startsWith("feedback.resolved"), refusal.problems().toString());
    }

    @Test
    void submit_storeBusy_isResourceExhaustedWithARetryDelay() throws Exception {
        MinistryStore busy = new InMemoryMinistryStore() {
            @Override
            public synchronized StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
                throw new vn.congvu.store.StoreBusyException("storing " + report.key(), 1_500);
            }
        };
        serve(new ReportingEndpoint(busy, TODAY, announced::add));

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> submit(CAO_BANG_2022));

        assertEquals(Status.Code.RESOURCE_EXHAUSTED, error.getStatus().getCode());
        com.google.rpc.RetryInfo retry = StatusProto.fromThrowable(error).getDetailsList().stream()
                .filter(detail -> detail.is(com.google.rpc.RetryInfo.class)).findFirst().orElseThrow()
                .unpack(com.google.rpc.RetryInfo.class);
        assertEquals(1, retry.getRetryDelay().getSeconds());
        assertEquals(500_000_000, retry.getRetryDelay().getNanos());
    }

    @Test
    void submit_emptyRequest_isInvalidArgumentNotUnknown() {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
                () -> ministry.submitReport(SubmitReportRequest.getDefaultInstance()));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    @Test
    void submit_ministryFailsUnexpectedly_isInternalNamingTheKeyNeverUnknown() throws Exception {
        MinistryStore broken = new InMemoryMinistryStore() {
            @Override
            public synchronized StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
                throw new IllegalStateException("a bug in the store");
            }
        };
        serve(ParsingUnaryService.reporting(new ReportingEndpoint(broken, TODAY, announced::add), 1_024));

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> submit(CAO_BANG_2022));

        assertEquals(Status.Code.INTERNAL, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("04/2022-PERIOD_KIND_YEAR-1/REGIME_PERIODIC"),
                error.getStatus().getDescription());
    }

    @Test
    void submit_moreRequestBytesUnderWayThanTheBudget_isResourceExhaustedWithARetryDelay() throws Exception {
        serve(ParsingUnaryService.reporting(new ReportingEndpoint(store, TODAY, announced::add), 1));
        Report large = new Report(CAO_BANG_2022.key(), 1, CAO_BANG_2022.modules(), CAO_BANG_2022.values(), List.of(
                new vn.congvu.api.Finding("caobang.late", "Sở Tài chính", 1, vn.congvu.api.Finding.Severity.INFO, "x".repeat(2_000))));

        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> submit(large));

        assertEquals(Status.Code.RESOURCE_EXHAUSTED, error.getStatus().getCode());
        assertTrue(StatusProto.fromThrowable(error).getDetailsList().stream()
                .anyMatch(detail -> detail.is(com.google.rpc.RetryInfo.class)));
        assertEquals(0, store.countRevisions());
    }
}
