package vn.congvu.ministry.internal;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.store.MinistryStore;

/**
 * The standard {@code grpc.health.v1.Health} service: SERVING only while the store answers, probed every
 * few seconds, so that a load balancer or an operator's {@code grpcurl} never sees "ready" while reports
 * cannot be stored. Answers for the server as a whole ("") and for {@code congvu.federation.v1.ReportingService}.
 */
final class StoreHealth implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);
    private static final long PROBE_SECONDS = 5;

    private final HealthStatusManager health = new HealthStatusManager();
    private final MinistryStore store;
    private final ScheduledExecutorService probes;
    private volatile ServingStatus current;

    StoreHealth(MinistryStore store) {
        this.store = store;
        probe();
        this.probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "congvu-ministry-health");
            thread.setDaemon(true);
            return thread;
        });
        probes.scheduleWithFixedDelay(this::probe, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
    }

    /** @return the Health service to serve */
    BindableService service() {
        return health.getHealthService();
    }

    private void probe() {
        ServingStatus status = store.isAvailable() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        if (status != current) {
            if (current != null) {
                LOG.warn("Ministry health: {} (the store {})", status,
                        status == ServingStatus.SERVING ? "answers again" : "does not answer");
            }
            current = status;
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
            health.setStatus(ReportingServiceGrpc.SERVICE_NAME, status);
        }
    }

    /** Stops probing and tells watchers the server is going away. */
    @Override
    public void close() {
        probes.shutdownNow();
        health.enterTerminalState();
    }
}
