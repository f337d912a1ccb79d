package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.grpc.OwnedServer;
import vn.congvu.proto.ProblemMessages;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;

class OutboxSenderTest {

    /** A ministry that answers from a script: each call takes the next answer; an empty script accepts. */
    private static final class ScriptedMinistry extends ReportingServiceGrpc.ReportingServiceImplBase {
        final Deque<Status> failures = new ArrayDeque<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> answer) {
            calls.add(request.getReport().getKey().getPeriod().getNumber() + "/" + request.getReport().getRevision());
            Status failure = failures.poll();
            if (failure != null) {
                answer.onError(failure.getCode() == Status.Code.INVALID_ARGUMENT
                        ? StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                                .setCode(failure.getCode().value()).setMessage("refused")
                                .addDetails(Any.pack(ProblemMessages.toRejection(List.of(REJECTION)))).build())
                        : failure.asRuntimeException());
                return;
            }
            answer.onNext(SubmitReportResponse.newBuilder().setReceipt(Receipt.newBuilder()
                    .setReceiptId("BNV-TEST-" + calls.size())).build());
            answer.onCompleted();
        }
    }

    private static final Problem REJECTION = Problem.permanent("key.province_code", "province.unknown",
            "Mã tỉnh không có trong danh mục", "unknown province code");

    private final ScriptedMinistry ministry = new ScriptedMinistry();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final String name = InProcessServerBuilder.generateName();
    private Server server;
    private OutboxSender sender;

    private void start() throws Exception {
        server = InProcessServerBuilder.forName(name).addService(ministry).build().start();
        sender = new OutboxSender(config(), outbox, new GrpcTransports() {
            @Override
            public OwnedServer startServer(InetSocketAddress address, List<BindableService> services,
                                           List<ServerInterceptor> interceptors) {
                throw new UnsupportedOperationException();
            }

            @Override
            public OwnedChannel openChannel(InetSocketAddress target) {
                ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
                return new OwnedChannel() {
                    @Override
                    public ManagedChannel channel() {
                        return channel;
                    }

                    @Override
                    public void close() {
                        channel.shutdownNow();
                    }
                };
            }
        });
    }

    @AfterEach
    void stop() {
        sender.close();
        server.shutdownNow();
    }

    private static Report quarter(int quarter) {
        return new Report(new ReportKey("04", Period.parse("2022-Q" + quarter), Regime.PERIODIC), 1,
                List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "ab".repeat(32))),
                List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.COMMUNE.disaggregation(), quarter)));
    }

    private OutboxEntry awaitOutcome(long entryId) throws InterruptedException {
        OutboxEntry entry = sender.awaitOutcome(entryId, Duration.ofSeconds(30)).orElseThrow();
        if (entry.state() == OutboxState.PENDING) {
            throw new AssertionError("entry " + entryId + " still pending: " + entry);
        }
        return entry;
    }

    @Test
    void unavailableTwice_isRetriedUntilTheReceipt() throws Exception {
        ministry.failures.add(Status.UNAVAILABLE.withDescription("ministry restarting"));
        ministry.failures.add(Status.DEADLINE_EXCEEDED);
        long entry = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        start();

        OutboxEntry delivered = awaitOutcome(entry);

        assertEquals(OutboxState.DELIVERED, delivered.state());
        assertEquals("BNV-TEST-3", delivered.receiptId());
        assertEquals(2, delivered.attempts());
        assertEquals(List.of("1/1", "1/1", "1/1"), ministry.calls);
    }

    @Test
    void rejection_isKeptWithItsReasonsNeverRetriedAndTheQueueMovesOn() throws Exception {
        ministry.failures.add(Status.INVALID_ARGUMENT);
        long rejected = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        long next = outbox.fileReport(quarter(2), Instant.now()).outboxEntryId();
        start();

        OutboxEntry refused = awaitOutcome(rejected);
        OutboxEntry delivered = awaitOutcome(next);

        assertEquals(OutboxState.REJECTED, refused.state());
        assertEquals(List.of(REJECTION), refused.problems());
        assertEquals(OutboxState.DELIVERED, delivered.state());
        assertEquals(List.of("1/1", "2/1"), ministry.calls);
    }

    @Test
    void entries_areSentInTheOrderTheyWereFiled() throws Exception {
        for (int quarter = 1; quarter <= 4; quarter++) {
            outbox.fileReport(quarter(quarter), Instant.now());
        }
        ministry.failures.add(Status.UNAVAILABLE);
        start();

        assertEquals(0, sender.awaitDrained(Duration.ofSeconds(30)).pending());

        assertEquals(List.of("1/1", "1/1", "2/1", "3/1", "4/1"), ministry.calls);
        assertEquals(4, sender.status().delivered());
    }

    private static OutboxSender.Config config() {
        return new OutboxSender.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OutboxSender.Config.class;
            }

            @Override
            public String ministry_host() {
                return "ministry.test";
            }

            @Override
            public int ministry_port() {
                return 7443;
            }

            @Override
            public int deadline_seconds() {
                return 5;
            }

            @Override
            public long retry_initial_millis() {
                return 10;
            }

            @Override
            public long retry_max_millis() {
                return 50;
            }

            @Override
            public long poll_millis() {
                return 20;
            }
        };
    }
}
