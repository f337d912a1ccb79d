package vn.congvu.bench.harness;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.bench.reports.FullReports;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.ReportMessages;

/**
 * Many provinces filing at once: full reports, each of its own key, submitted over loopback by real gRPC
 * clients with a fixed number in flight. The same load goes to the ministry node and to a bare server.
 */
final class IngestionLoad {

    /**
     * What one run measured.
     *
     * @param reportsPerSecond completed submissions per second
     * @param p50Millis        median latency
     * @param p99Millis        99th percentile latency
     * @param failed           submissions that did not end with a response
     */
    record Figures(double reportsPerSecond, double p50Millis, double p99Millis, long failed) {
    }

    private final List<SubmitReportRequest> requests;

    /**
     * Builds the requests up front, so that building them is not measured.
     *
     * @param count how many distinct reports
     */
    IngestionLoad(int count) {
        List<String> provinces = Province.all().stream().map(Province::code).sorted().limit(34).toList();
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

    /**
     * Submits every request once.
     *
     * @param port     where the server listens on loopback
     * @param inFlight how many submissions are outstanding at once
     * @param warmup   how many of the first submissions are not measured
     */
    Figures run(int port, int inFlight, int warmup) throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(16 * 1024 * 1024).build();
        try {
            ReportingServiceGrpc.ReportingServiceStub stub = ReportingServiceGrpc.newStub(channel);
            Semaphore slots = new Semaphore(inFlight);
            CountDownLatch done = new CountDownLatch(requests.size());
            long[] latencies = new long[requests.size()];
            AtomicLong failed = new AtomicLong();
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
                stub.withDeadlineAfter(120, TimeUnit.SECONDS).submitReport(requests.get(i), new StreamObserver<>() {
                    @Override
                    public void onNext(SubmitReportResponse response) {
                        latencies[index] = System.nanoTime() - started;
                    }

                    @Override
                    public void onError(Throwable error) {
                        failed.incrementAndGet();
                        latencies[index] = System.nanoTime() - started;
                        slots.release();
                        done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        slots.release();
                        done.countDown();
                    }
                });
            }
            done.await();
            double seconds = (System.nanoTime() - measuredFrom) / 1e9;
            long[] measured = Arrays.copyOfRange(latencies, warmup, latencies.length);
            Arrays.sort(measured);
            return new Figures(measured.length / seconds, measured[measured.length / 2] / 1e6,
                    measured[(int) (measured.length * 0.99)] / 1e6, failed.get());
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** @return a gRPC server on a free loopback port that answers every submission at once and keeps nothing */
    static Server bareServer() throws java.io.IOException {
        return NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
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
