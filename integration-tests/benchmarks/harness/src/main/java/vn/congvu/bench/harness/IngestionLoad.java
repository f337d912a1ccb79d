package vn.congvu.bench.harness;

import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import vn.congvu.api.Period;
import vn.congvu.bench.reports.FullReports;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.ReportMessages;

/**
 * Many provinces filing at once: full reports, each of its own key, submitted over loopback by real gRPC
 * clients with a fixed number in flight overall. Every province files over its own channel (its own
 * connection), as 34 province nodes would: in plaintext, or with mutual TLS presenting that province's
 * certificate. The same load goes to the ministry node and to a bare server.
 */
final class IngestionLoad {

    /**
     * What one round (every request once) measured.
     *
     * @param latencies     the measured submissions' latencies in nanoseconds (the warm-up's left out)
     * @param seconds       from the end of the warm-up to the last answer
     * @param failed        submissions that did not end with a response (or, from a ministry, with a new receipt)
     * @param connectMillis from opening every province's channel to all of them connected (TLS handshakes included)
     * @param failures      the failed submissions by status code
     * @param firstFailure  the first failure's status, or {@code null}
     */
    record Round(long[] latencies, double seconds, long failed, double connectMillis, Map<String, Long> failures,
                 String firstFailure) {

        double reportsPerSecond() {
            return latencies.length / seconds;
        }
    }

    /**
     * What the rounds of one kind measured together.
     *
     * @param reportsPerSecond completed submissions per second, over every round's measured time
     * @param p50Millis        median latency of every measured submission
     * @param p99Millis        99th percentile latency
     * @param failed           failed submissions in every round, warm-ups included
     * @param connectMillis    the mean time to connect every province's channel
     * @param failures         the failed submissions by status code
     * @param firstFailure     the first failure's status, or {@code null}
     * @param rounds           each round's reports per second, in order
     */
    record Figures(double reportsPerSecond, double p50Millis, double p99Millis, long failed, double connectMillis,
                   Map<String, Long> failures, String firstFailure, List<Double> rounds) {

        static Figures of(List<Round> rounds) {
            long[] all = rounds.stream().flatMapToLong(round -> Arrays.stream(round.latencies())).sorted().toArray();
            double seconds = rounds.stream().mapToDouble(Round::seconds).sum();
            Map<String, Long> failures = new TreeMap<>();
            rounds.forEach(round -> round.failures().forEach((code, count) -> failures.merge(code, count, Long::sum)));
            return new Figures(all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    rounds.stream().mapToLong(Round::failed).sum(),
                    rounds.stream().mapToDouble(Round::connectMillis).average().orElse(0), failures,
                    rounds.stream().map(Round::firstFailure).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                    rounds.stream().map(Round::reportsPerSecond).toList());
        }
    }

    private final List<SubmitReportRequest> requests;
    private final List<String> provinces;

    /**
     * Builds the requests up front, so that building them is not measured.
     *
     * @param count how many distinct reports
     */
    IngestionLoad(int count) {
        // the 34 units in force today
        provinces = vn.congvu.api.Geography.official().unitsOn(java.time.LocalDate.now(vn.congvu.api.Period.ZONE)).stream()
                .map(vn.congvu.api.ProvincialUnit::code).sorted().toList();
        requests = new ArrayList<>(count);
        Instant preparedAt = Instant.now();
        for (int year = 2000; requests.size() < count; year++) {
            for (int month = 1; month <= 12 && requests.size() < count; month++) {
                for (String province : provinces) {
                    if (requests.size() == count) {
                        break;
                    }
                    Period period = Period.parse(String.format("%d-M%02d", year, month));
                    requests.add(SubmitReportRequest.newBuilder()
                            .setReport(ReportMessages.toMessage(FullReports.of(province, period), preparedAt)).build());
                }
            }
        }
    }

    int values() {
        return requests.get(0).getReport().getValuesCount();
    }

    /** @return the size of one request, serialized */
    int bytes() {
        return requests.get(0).getSerializedSize();
    }

    /** @return the provinces that file, one channel each */
    List<String> provinces() {
        return provinces;
    }

    /**
     * Submits every request once, each over its province's channel.
     *
     * @param port        where the server listens on loopback
     * @param credentials each province's channel credentials (plaintext, or mutual TLS with its certificate)
     * @param receipted   whether every answer must carry a new receipt (the ministry's do; the bare server's not)
     * @param inFlight    how many submissions are outstanding at once, over all channels
     * @param warmup      how many of the first submissions are not measured
     */
    Round run(int port, Function<String, ChannelCredentials> credentials, boolean receipted, int inFlight, int warmup)
            throws InterruptedException {
        Map<String, ManagedChannel> channels = new LinkedHashMap<>();
        try {
            for (String province : provinces) {
                channels.put(province, NettyChannelBuilder.forAddress("127.0.0.1", port, credentials.apply(province))
                        .maxInboundMessageSize(16 * 1024 * 1024).build());
            }
            double connectMillis = connect(channels.values(), 60);
            Map<String, ReportingServiceGrpc.ReportingServiceStub> stubs = new LinkedHashMap<>();
            channels.forEach((province, channel) -> stubs.put(province, ReportingServiceGrpc.newStub(channel)));
            Semaphore slots = new Semaphore(inFlight);
            CountDownLatch done = new CountDownLatch(requests.size());
            long[] latencies = new long[requests.size()];
            AtomicLong failed = new AtomicLong();
            Map<String, Long> failures = new ConcurrentHashMap<>();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            long measuredFrom = 0;
            for (int i = 0; i < requests.size(); i++) {
                if (i == warmup) {
                    slots.acquire(inFlight); // the warm-up drains before the clock starts
                    slots.release(inFlight);
                    measuredFrom = System.nanoTime();
                }
                slots.acquire();
                int index = i;
                long started = System.nanoTime();
                SubmitReportRequest request = requests.get(i);
                stubs.get(request.getReport().getKey().getProvinceCode()).withDeadlineAfter(120, TimeUnit.SECONDS)
                        .submitReport(request, new StreamObserver<>() {
                            private boolean answered;

                            @Override
                            public void onNext(SubmitReportResponse response) {
                                latencies[index] = System.nanoTime() - started;
                                answered = !receipted || !response.getReceipt().getReceiptId().isEmpty()
                                        && !response.getReceipt().getDuplicate();
                            }

                            @Override
                            public void onError(Throwable error) {
                                latencies[index] = System.nanoTime() - started;
                                Status status = Status.fromThrowable(error);
                                fail(status.getCode().name(), status.getCode() + ": " + String.valueOf(status.getDescription())
                                        .lines().findFirst().orElse("") + (status.getCause() == null ? ""
                                        : " (" + status.getCause() + ")"));
                                slots.release();
                                done.countDown();
                            }

                            @Override
                            public void onCompleted() {
                                if (!answered) {
                                    fail("NO_NEW_RECEIPT", "answered without a new receipt: " + request.getReport().getKey());
                                }
                                slots.release();
                                done.countDown();
                            }

                            private void fail(String code, String description) {
                                failed.incrementAndGet();
                                failures.merge(code, 1L, Long::sum);
                                firstFailure.compareAndSet(null, description);
                            }
                        });
            }
            done.await();
            double seconds = (System.nanoTime() - measuredFrom) / 1e9;
            return new Round(Arrays.copyOfRange(latencies, warmup, latencies.length), seconds, failed.get(), connectMillis,
                    new TreeMap<>(failures), firstFailure.get());
        } finally {
            for (ManagedChannel channel : channels.values()) {
                channel.shutdownNow();
            }
            for (ManagedChannel channel : channels.values()) {
                channel.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Connects every channel at once and waits until all are ready (or failed, or the limit passes: the load
     * then counts what fails).
     *
     * @return milliseconds until every channel was ready
     */
    private static double connect(Iterable<ManagedChannel> channels, long timeoutSeconds) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (ManagedChannel channel : channels) {
            channel.getState(true);
        }
        for (ManagedChannel channel : channels) {
            ConnectivityState state = channel.getState(true);
            // a channel that cannot connect is left to the load, which counts its failures
            while (state != ConnectivityState.READY && state != ConnectivityState.TRANSIENT_FAILURE
                    && System.nanoTime() < deadline) {
                CountDownLatch changed = new CountDownLatch(1);
                channel.notifyWhenStateChanged(state, changed::countDown);
                changed.await(100, TimeUnit.MILLISECONDS);
                state = channel.getState(true);
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /**
     * Files one report of the first province, of a period the load does not use, over the second province's
     * channel: the ministry must refuse it (PERMISSION_DENIED) under mutual TLS.
     *
     * @return the status code and description of the answer, {@code OK} if it was accepted
     */
    String otherProvince(int port, Function<String, ChannelCredentials> credentials) throws InterruptedException {
        int lastYear = requests.get(requests.size() - 1).getReport().getKey().getPeriod().getYear();
        Period unused = Period.parse((lastYear + 1) + "-M01");
        SubmitReportRequest request = SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(
                FullReports.of(provinces.get(0), unused), Instant.now())).build();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port, credentials.apply(provinces.get(1)))
                .maxInboundMessageSize(16 * 1024 * 1024).build();
        try {
            ReportingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS).submitReport(request);
            return Status.Code.OK.name();
        } catch (RuntimeException refused) {
            Status status = Status.fromThrowable(refused);
            return status.getCode().name() + " (" + status.getDescription() + ")";
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** @return plaintext credentials for every province */
    static Function<String, ChannelCredentials> plaintext() {
        return province -> InsecureChannelCredentials.create();
    }

    /**
     * @return a gRPC server on a free loopback port that answers every submission at once and keeps nothing,
     * in plaintext
     */
    static Server bareServer() throws IOException {
        return bareServer(InsecureServerCredentials.create());
    }

    /**
     * @param tls the ministry's TLS folder (node.key.pem, node.crt.pem, ca.crt.pem)
     * @return the same bare server with mutual TLS: its certificate from the files, and a client certificate
     * from the same CA required (grpc-java's stock check: no CRL, no province check)
     */
    static Server bareTlsServer(Path tls) throws IOException {
        return bareServer(TlsServerCredentials.newBuilder()
                .keyManager(tls.resolve("node.crt.pem").toFile(), tls.resolve("node.key.pem").toFile())
                .trustManager(tls.resolve("ca.crt.pem").toFile())
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build());
    }

    private static Server bareServer(ServerCredentials credentials) throws IOException {
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                .maxInboundMessageSize(16 * 1024 * 1024)
                .addService(new ReportingServiceGrpc.ReportingServiceImplBase() {
                    @Override
                    public void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> answer) {
                        answer.onNext(SubmitReportResponse.getDefaultInstance());
                        answer.onCompleted();
                    }
                }).build().start();
    }
}
