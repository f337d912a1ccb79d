package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Dimension;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.ReportMessages;

/**
 * The ministry's boundary against what a careless or hostile sender sends, over loopback to the real
 * server and store, with a stock grpc-java client at its default settings.
 */
class MinistryBoundaryTest {

    /** Live heap a report may hold while it is handled; the fork's whole heap is 768 MB. */
    private static final long HEAP_GROWTH_LIMIT = 384L * 1024 * 1024;

    @TempDir
    static Path folder;
    private static LoopbackMinistry ministry;

    @BeforeAll
    static void start() throws Exception {
        ministry = new LoopbackMinistry(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        ministry.close();
    }

    private static SubmitReportRequest request(Report report) {
        return SubmitReportRequest.newBuilder()
                .setReport(ReportMessages.toMessage(report, Instant.parse("2025-01-06T02:00:00Z"))).build();
    }

    private static StatusRuntimeException refusal(SubmitReportRequest request) {
        return assertThrows(StatusRuntimeException.class, () -> ministry.submit(request.toByteArray(), 60));
    }

    private static Rejection rejection(StatusRuntimeException error) throws Exception {
        for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                return detail.unpack(Rejection.class);
            }
        }
        throw new AssertionError("no Rejection in " + error);
    }

    @Test
    void collisionPair_sameKeyAndRevision_isAConflictNotADuplicate_andBothAreStoredAsRevisions() throws Exception {
        // under the first canonical form these two had one hash, and the second was answered "duplicate"
        // with the first's receipt while its content was dropped
        ReportKey key = new ReportKey("01", Period.parse("2023-M01"), Regime.THEMATIC);
        Report one = FuzzReports.report(key, List.of(new Finding("hanoi.badge", "Sở Tài chính", 1, Finding.Severity.WARNING,
                "a\nfinding\thanoi.badge\tSở Xây dựng\t2\tWARNING\tb")));
        Report two = FuzzReports.report(key, List.of(
                new Finding("hanoi.badge", "Sở Tài chính", 1, Finding.Severity.WARNING, "a"),
                new Finding("hanoi.badge", "Sở Xây dựng", 2, Finding.Severity.WARNING, "b")));
        assertNotEquals(one.contentHash(), two.contentHash());

        SubmitReportResponse first = SubmitReportResponse.parseFrom(ministry.submit(request(one).toByteArray(), 30));
        StatusRuntimeException conflict = refusal(request(two));
        SubmitReportResponse second = SubmitReportResponse.parseFrom(ministry.submit(request(two.withRevision(2)).toByteArray(), 30));

        assertFalse(first.getReceipt().getDuplicate());
        assertEquals(Status.Code.ALREADY_EXISTS, conflict.getStatus().getCode());
        assertFalse(second.getReceipt().getDuplicate());
        assertNotEquals(first.getReceipt().getReceiptId(), second.getReceipt().getReceiptId());
        assertEquals(two.withRevision(2), ministry.store().latest(key).orElseThrow().report());
        assertEquals(2, ministry.store().latestOfEveryKey().stream().filter(stored -> stored.report().key().equals(key))
                .findFirst().orElseThrow().report().revision());
    }

    @Test
    void twoHundredThousandDimensions_refusedAsInvalidArgument_heapBounded() throws Exception {
        vn.congvu.federation.v1.IndicatorValue.Builder wide = vn.congvu.federation.v1.IndicatorValue.newBuilder()
                .setCode("dossier.resolved").setValue("1");
        for (int i = 0; i < 200_000; i++) {
            wide.addDisaggregation(Dimension.newBuilder().setName("level" + i).setCode("district, huyện " + i));
        }
        SubmitReportRequest request = request(FuzzReports.report(FuzzReports.KEY, List.of())).toBuilder()
                .setReport(request(FuzzReports.report(FuzzReports.KEY, List.of())).getReport().toBuilder().addValues(wide))
                .build();
        assertTrue(request.getSerializedSize() > 2_000_000, "the report is the issue's 2.8 MB kind");

        long growth = LiveHeap.growth(() -> {
            StatusRuntimeException error = refusal(request);
            assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
            assertEquals("limit.exceeded", rejection(error).getProblems(0).getRule());
        });

        System.out.println("live heap growth, 200,000 dimensions: " + growth / (1024 * 1024) + " MB");
        assertTrue(growth < HEAP_GROWTH_LIMIT, "live heap grew by " + growth / (1024 * 1024) + " MB");
    }

    @Test
    void hundredThousandProblems_refusalReachesAStockClient_everyProblemCounted() throws Exception {
        List<IndicatorValue> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            unknown.add(IndicatorValue.count("unknown.indicator-" + i, Disaggregation.of("level", "district"), i));
        }
        Report report = new Report(FuzzReports.KEY, 1, FuzzReports.MODULES, unknown);

        long growth = LiveHeap.growth(() -> {
            StatusRuntimeException error = refusal(request(report));
            assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
            Rejection rejection = rejection(error);
            assertEquals(100_000, rejection.getTotalProblems());
            vn.congvu.federation.v1.Problem last = rejection.getProblems(rejection.getProblemsCount() - 1);
            assertEquals("report.more_problems", last.getRule());
            assertTrue(last.getMessageEn().endsWith("(100000 in all)"), last.getMessageEn());
        });

        System.out.println("live heap growth, 100,000 problems: " + growth / (1024 * 1024) + " MB");
        assertTrue(growth < HEAP_GROWTH_LIMIT, "live heap grew by " + growth / (1024 * 1024) + " MB");
    }

    @Test
    void reportAtEveryLimit_isAcceptedAndStored_heapBounded() throws Exception {
        ReportKey key = new ReportKey("79", Period.parse("2024-Q2"), Regime.PERIODIC);
        List<vn.congvu.api.ModuleProvenance> modules = new java.util.ArrayList<>();
        for (int i = 0; i < vn.congvu.api.ReportRules.MAX_MODULES; i++) {
            modules.add(new vn.congvu.api.ModuleProvenance(i == 0 ? "limits." + "m".repeat(121) : "limits.module-" + i,
                    i == 0 ? "9".repeat(64) : "2.0." + i, String.format("%064x", i)));
        }
        Map<String, String> widest = new java.util.TreeMap<>();
        for (int d = 0; d < vn.congvu.api.ReportRules.MAX_DIMENSIONS; d++) {
            widest.put("d".repeat(127) + d, "ư".repeat(199) + d);
        }
        List<IndicatorValue> values = new java.util.ArrayList<>();
        values.add(new IndicatorValue("limits.widest", new Disaggregation(widest), new java.math.BigDecimal("-" + "9".repeat(24) + "." + "9".repeat(6))));
        for (int i = 1; i < vn.congvu.api.ReportRules.MAX_VALUES; i++) {
            values.add(IndicatorValue.count("limits.figure-" + i, Disaggregation.TOTAL, i));
        }
        List<Finding> findings = new java.util.ArrayList<>();
        findings.add(new Finding("limits." + "r".repeat(121), "Đ".repeat(500), vn.congvu.api.ReportRules.MAX_COUNT,
                Finding.Severity.SERIOUS, "ễ\n".repeat(999) + "ễễ"));
        for (int i = 1; i < vn.congvu.api.ReportRules.MAX_FINDINGS; i++) {
            findings.add(new Finding("limits.rule", "Đơn vị " + i, 1, Finding.Severity.INFO, ""));
        }
        Report report = new Report(key, 1, modules, values, findings);

        long growth = LiveHeap.growth(() -> ministry.submit(request(report).toByteArray(), 60));

        assertEquals(report, ministry.store().latest(key).orElseThrow().report());
        System.out.println("live heap growth, report at every limit: " + growth / (1024 * 1024) + " MB");
        assertTrue(growth < HEAP_GROWTH_LIMIT, "live heap grew by " + growth / (1024 * 1024) + " MB");
    }

    @Test
    void messageOverTheStoresColumn_isInvalidArgumentNotUnavailable() throws Exception {
        Report report = FuzzReports.report(FuzzReports.KEY, List.of(
                new Finding("hanoi.badge", "Sở Tài chính", 1, Finding.Severity.INFO, "x".repeat(4_001))));

        StatusRuntimeException error = refusal(request(report));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertEquals("findings[0].message", rejection(error).getProblems(0).getField());
        assertEquals("text.too_long", rejection(error).getProblems(0).getRule());
    }

    @Test
    void unitNameWithCommaAndEquals_isStoredAndReadBack() throws Exception {
        ReportKey key = new ReportKey("01", Period.parse("2023-M03"), Regime.THEMATIC);
        Report report = new Report(key, 1, FuzzReports.MODULES, List.of(IndicatorValue.count("hanoi.late-by-unit",
                        new Disaggregation(Map.of("unit", "UBND xã Tân Lập, huyện Đan Phượng", "rule", "a=b")), 2)),
                List.of(new Finding("hanoi.badge", "UBND xã Tân Lập, huyện Đan Phượng", 1, Finding.Severity.INFO, "x=1, y=2")));

        ministry.submit(request(report).toByteArray(), 30);

        assertEquals(report, ministry.store().latest(key).orElseThrow().report());
    }

    @Test
    void garbageBytes_toEveryService_isInvalidArgument() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02};
        for (io.grpc.MethodDescriptor<?, ?> method : List.of(vn.congvu.federation.v1.ReportingServiceGrpc.getSubmitReportMethod(),
                vn.congvu.federation.v1.NodeServiceGrpc.getReportInventoryMethod(),
                vn.congvu.federation.v1.CatalogServiceGrpc.getGetCatalogMethod())) {
            StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> ministry.call(method, garbage, 10));

            assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), method.getFullMethodName());
        }
    }

    @Test
    void health_servingWhileTheStoreWorks() {
        HealthCheckResponse.ServingStatus status = HealthGrpc.newBlockingStub(ministry.channel())
                .check(HealthCheckRequest.newBuilder().setService("congvu.federation.v1.ReportingService").build())
                .getStatus();

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, status);
    }

    @Test
    void reflection_listsTheServicesAndDescribesReporting() throws Exception {
        java.util.concurrent.BlockingQueue<io.grpc.reflection.v1.ServerReflectionResponse> answers =
                new java.util.concurrent.LinkedBlockingQueue<>();
        io.grpc.stub.StreamObserver<io.grpc.reflection.v1.ServerReflectionRequest> requests =
                io.grpc.reflection.v1.ServerReflectionGrpc.newStub(ministry.channel()).serverReflectionInfo(
                        new io.grpc.stub.StreamObserver<>() {
                            @Override
                            public void onNext(io.grpc.reflection.v1.ServerReflectionResponse response) {
                                answers.add(response);
                            }

                            @Override
                            public void onError(Throwable error) {
                            }

                            @Override
                            public void onCompleted() {
                            }
                        });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder()
                .setFileContainingSymbol("congvu.federation.v1.ReportingService").build());

        List<String> services = answers.poll(10, java.util.concurrent.TimeUnit.SECONDS).getListServicesResponse()
                .getServiceList().stream().map(io.grpc.reflection.v1.ServiceResponse::getName).sorted().toList();
        com.google.protobuf.DescriptorProtos.FileDescriptorProto file = com.google.protobuf.DescriptorProtos.FileDescriptorProto
                .parseFrom(answers.poll(10, java.util.concurrent.TimeUnit.SECONDS).getFileDescriptorResponse()
                        .getFileDescriptorProto(0));
        requests.onCompleted();

        assertEquals(List.of("congvu.federation.v1.CatalogService", "congvu.federation.v1.NodeService",
                "congvu.federation.v1.ReportingService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"),
                services);
        assertEquals("congvu/federation/v1/reporting.proto", file.getName());
    }

    @Test
    void fuzz_tenThousandMutatedReports_neverUnknownInternalOrLate_thenAValidReportIsStored() {
        FuzzReports fuzz = new FuzzReports(20261201L);
        Map<Status.Code, Integer> outcomes = new java.util.EnumMap<>(Status.Code.class);
        for (int i = 0; i < 10_000; i++) {
            byte[] mutated = fuzz.mutated(i);
            Status.Code code;
            try {
                ministry.submit(mutated, 20);
                code = Status.Code.OK;
            } catch (StatusRuntimeException e) {
                code = e.getStatus().getCode();
                assertFalse(code == Status.Code.UNKNOWN || code == Status.Code.INTERNAL || code == Status.Code.DEADLINE_EXCEEDED,
                        "mutation " + i + " (" + fuzz.lastMutation() + ") was answered " + e.getStatus());
            }
            outcomes.merge(code, 1, Integer::sum);
        }
        System.out.println("fuzz outcomes over 10,000 mutated reports: " + outcomes);
        assertTrue(outcomes.getOrDefault(Status.Code.INVALID_ARGUMENT, 0) > 5_000, outcomes.toString());
        assertTrue(outcomes.getOrDefault(Status.Code.OK, 0) > 0, "some mutations keep a valid report: " + outcomes);

        ReportKey fresh = new ReportKey("42", Period.parse("2023-Q4"), Regime.PERIODIC);
        ministry.submit(request(FuzzReports.report(fresh, List.of())).toByteArray(), 30);
        assertTrue(ministry.store().latest(fresh).isPresent());
    }
}
