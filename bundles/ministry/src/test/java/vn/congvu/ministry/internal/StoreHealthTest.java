package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvu.federation.v1.ReportingServiceGrpc;

/**
 * The standard health service says SERVING only while the store answers: NOT_SERVING once it stops answering,
 * SERVING again once it answers again, for the server as a whole and for the reporting service.
 */
class StoreHealthTest {

    /** The store is probed every 5 s: a change shows within one probe, this leaves room for a slow machine. */
    private static final long CHANGE_SHOWN_WITHIN_SECONDS = 15;

    private final SwitchableStore store = new SwitchableStore();
    private StoreHealth health;
    private Server server;
    private ManagedChannel channel;

    /** A store that answers, or not, as the test says. */
    private static final class SwitchableStore extends InMemoryMinistryStore {
        private volatile boolean answers = true;

        @Override
        public boolean isAvailable() {
            return answers;
        }
    }

    private void serve() throws Exception {
        health = new StoreHealth(store);
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(health.service()).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            channel.shutdownNow();
            server.shutdownNow();
        }
        if (health != null) {
            health.close();
        }
    }

    private ServingStatus check(String service) {
        return HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    /** Watches the reporting service's health: the current status first, then every change. */
    private BlockingQueue<ServingStatus> watchReporting() {
        BlockingQueue<ServingStatus> seen = new LinkedBlockingQueue<>();
        HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(ReportingServiceGrpc.SERVICE_NAME).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(HealthCheckResponse response) {
                        seen.add(response.getStatus());
                    }

                    @Override
                    public void onError(Throwable error) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return seen;
    }

    @Test
    void check_storeAnswersFromTheStart_isServingForTheServerAndForReporting() throws Exception {
        serve();

        assertEquals(ServingStatus.SERVING, check(""));
        assertEquals(ServingStatus.SERVING, check(ReportingServiceGrpc.SERVICE_NAME));
    }

    @Test
    void check_storeDoesNotAnswerFromTheStart_isNotServingAtOnce() throws Exception {
        store.answers = false;

        serve();

        assertEquals(ServingStatus.NOT_SERVING, check(""));
        assertEquals(ServingStatus.NOT_SERVING, check(ReportingServiceGrpc.SERVICE_NAME));
    }

    @Test
    void watch_storeFailsThenWorksAgain_turnsNotServingThenServingAgain() throws Exception {
        serve();
        BlockingQueue<ServingStatus> seen = watchReporting();
        assertEquals(ServingStatus.SERVING, seen.poll(CHANGE_SHOWN_WITHIN_SECONDS, TimeUnit.SECONDS));

        store.answers = false;

        assertEquals(ServingStatus.NOT_SERVING, seen.poll(CHANGE_SHOWN_WITHIN_SECONDS, TimeUnit.SECONDS),
                "null: no change within " + CHANGE_SHOWN_WITHIN_SECONDS + " s");
        assertEquals(ServingStatus.NOT_SERVING, check(""));

        store.answers = true;

        assertEquals(ServingStatus.SERVING, seen.poll(CHANGE_SHOWN_WITHIN_SECONDS, TimeUnit.SECONDS),
                "null: no change within " + CHANGE_SHOWN_WITHIN_SECONDS + " s");
        assertEquals(ServingStatus.SERVING, check(""));
    }
}
