package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.protobuf.Any;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.grpc.TransportSecurity;
import vn.congvu.trust.MinistryCertificates;
import vn.congvu.trust.NodeCredentials;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.MinistryStore;

/**
 * The real ministry (gRPC server, validation, Derby store) fed, over a loopback port, what a province or a
 * broken client may send: the same report twice, a conflicting one, a correction, and malformed ones.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MinistrySubmissionsIT extends CongvuTestSupport {

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    private static Report report(long resolved) {
        return new Report(new ReportKey("04", Period.year(2022), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "ab".repeat(32))),
                List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), resolved),
                        IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, AdministrativeLevel.DEPARTMENT.disaggregation(), 48207)));
    }

    private static String rule(StatusRuntimeException error) throws Exception {
        for (Any detail : StatusProto.fromThrowable(error).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                return detail.unpack(Rejection.class).getProblems(0).getRule();
            }
        }
        throw new AssertionError("no rejection in " + error);
    }

    @Test
    public void duplicateConflictingSupersedingAndMalformedSubmissions_eachGetsItsAnswer() throws Exception {
        int port = freePort();
        Path folder = workFolder("submissions");
        configureMinistry(folder.resolve("ministry-db"), port);
        service(ReportQueries.class);
        // Cao Bằng's certificate, from the CA the ministry trusts
        Path tls = TestPki.in(folder.resolve("pki")).province("04", folder.resolve("caobang-tls"));
        NodeCredentials credentials = NodeCredentials.load(tls.resolve("node.key.pem"), tls.resolve("node.crt.pem"), Clock.systemUTC());
        TransportSecurity caoBang = TransportSecurity.mutualTls(credentials,
                MinistryCertificates.load(tls.resolve("ca.crt.pem"), Clock.systemUTC()), credentials::refresh);
        try (OwnedChannel channel = service(GrpcTransports.class).openChannel(new InetSocketAddress("127.0.0.1", port), caoBang)) {
            ReportingServiceGrpc.ReportingServiceBlockingStub ministry = ReportingServiceGrpc.newBlockingStub(channel.channel())
                    .withWaitForReady().withDeadlineAfter(60, TimeUnit.SECONDS);
            SubmitReportRequest first = SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(report(48447), Instant.now())).build();

            Receipt stored = ministry.submitReport(first).getReceipt();
            Receipt again = ministry.submitReport(first).getReceipt();
            assertFalse(stored.getDuplicate());
            assertTrue(again.getDuplicate());
            assertEquals(stored.getReceiptId(), again.getReceiptId());

            StatusRuntimeException conflict = assertThrows(StatusRuntimeException.class, () -> ministry.submitReport(
                    SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(report(48448), Instant.now())).build()));
            assertEquals(Status.Code.ALREADY_EXISTS, conflict.getStatus().getCode());
            assertEquals("revision.conflict", rule(conflict));

            Receipt correction = ministry.submitReport(SubmitReportRequest.newBuilder()
                    .setReport(ReportMessages.toMessage(report(48448).withRevision(2), Instant.now())).build()).getReceipt();
            assertNotEquals(stored.getReceiptId(), correction.getReceiptId());
            assertEquals(2, service(ReportQueries.class).latest(report(1).key()).orElseThrow().report().revision());

            StatusRuntimeException missingProvince = assertThrows(StatusRuntimeException.class, () -> ministry.submitReport(
                    first.toBuilder().setReport(first.getReport().toBuilder().setKey(
                            first.getReport().getKey().toBuilder().clearProvinceCode())).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, missingProvince.getStatus().getCode());
            assertEquals("province.missing", rule(missingProvince));

            // bytes that are no protobuf message at all
            MethodDescriptor<byte[], byte[]> raw = ReportingServiceGrpc.getSubmitReportMethod().toBuilder(BYTES, BYTES).build();
            StatusRuntimeException garbage = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                    channel.channel(), raw, CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS),
                    new byte[] {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02}));
            assertEquals(Status.Code.INVALID_ARGUMENT, garbage.getStatus().getCode());
            assertTrue(garbage.getStatus().getDescription(), garbage.getStatus().getDescription().contains("not a SubmitReportRequest"));

            assertEquals("the first report and its correction, each once", 2, service(MinistryStore.class).countRevisions());
        }
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };
}
