package vn.congvu.uplink.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Problem;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.proto.ProblemMessages;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;
import vn.congvu.uplink.Uplink;

/**
 * Sends outbox entries to the ministry one at a time, oldest first, on its own thread. A failure worth
 * retrying (the ministry unreachable, slow or busy) keeps the entry at the head of the queue and waits,
 * with exponential backoff and jitter, or as long as the ministry asked; a rejection is final and kept with
 * its reasons. Nothing leaves the outbox but by a receipt or a rejection.
 */
@Component(service = Uplink.class, configurationPid = "vn.congvu.uplink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class OutboxSender implements Uplink {

    /** Where the ministry is and how patiently to reach it. */
    @ObjectClassDefinition(name = "congvu uplink")
    public @interface Config {
        /** @return the ministry's host */
        @AttributeDefinition(description = "Host name or address of the ministry node")
        String ministry_host();

        /** @return the ministry's port */
        @AttributeDefinition(description = "gRPC port of the ministry node")
        int ministry_port();

        /** @return seconds one submission may take */
        @AttributeDefinition(description = "Seconds one submission may take before it is retried")
        int deadline_seconds() default 30;

        /** @return the first retry delay */
        @AttributeDefinition(description = "Milliseconds before the first retry; doubled each time")
        long retry_initial_millis() default 500;

        /** @return the longest retry delay */
        @AttributeDefinition(description = "Longest wait between retries, in milliseconds")
        long retry_max_millis() default 60_000;

        /** @return how often an empty outbox is looked at */
        @AttributeDefinition(description = "Milliseconds between looks at an empty outbox")
        long poll_millis() default 500;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** Codes after which the same report may succeed later; every other failure is the report's own. */
    private static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED, Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.CANCELLED);

    private final ProvinceStore store;
    private final Config config;
    private final OwnedChannel channel;
    private final ReportingServiceGrpc.ReportingServiceBlockingStub stub;
    private final Thread sender;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    /**
     * @param config     where the ministry is
     * @param store      the outbox
     * @param transports builds the channel
     * @throws IllegalArgumentException if the configuration is unusable
     */
    @Activate
    public OutboxSender(Config config, @Reference ProvinceStore store, @Reference GrpcTransports transports) {
        if (config.ministry_host() == null || config.ministry_host().isBlank()) {
            throw new IllegalArgumentException("uplink: ministry.host is empty");
        }
        if (config.ministry_port() < 1 || config.ministry_port() > 65_535) {
            throw new IllegalArgumentException("uplink: ministry.port " + config.ministry_port() + " is not a port");
        }
        this.config = config;
        this.store = store;
        this.channel = transports.openChannel(
                InetSocketAddress.createUnresolved(config.ministry_host(), config.ministry_port()));
        this.stub = ReportingServiceGrpc.newBlockingStub(channel.channel());
        this.sender = new Thread(this::sendLoop, "congvu-uplink");
        sender.setDaemon(true);
        sender.start();
        LOG.info("Uplink to the ministry at {}:{} started", config.ministry_host(), config.ministry_port());
    }

    /**
     * Stops sending after the submission in flight, if any, and closes the channel. The sender thread is
     * woken, never interrupted: Derby closes a connection whose thread is interrupted during I/O.
     */
    @Deactivate
    public void close() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(config.deadline_seconds() + 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    @Override
    public OutboxStatus status() {
        return store.outboxStatus();
    }

    @Override
    public Optional<OutboxEntry> awaitOutcome(long outboxEntryId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<OutboxEntry> entry = store.outboxEntry(outboxEntryId);
            long left = deadline - System.nanoTime();
            if (entry.isEmpty() || entry.get().state() != OutboxState.PENDING || left <= 0) {
                return entry;
            }
            synchronized (wakeUp) {
                wakeUp.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), config.poll_millis())));
            }
        }
    }

    @Override
    public OutboxStatus awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        OutboxStatus status = store.outboxStatus();
        while (status.pending() > 0 && System.nanoTime() < deadline) {
            synchronized (wakeUp) {
                wakeUp.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), config.poll_millis())));
            }
            status = store.outboxStatus();
        }
        return status;
    }

    private void sendLoop() {
        long backoff = config.retry_initial_millis();
        while (running) {
            try {
                Optional<OutboxEntry> next = store.nextPending();
                if (next.isEmpty()) {
                    pause(config.poll_millis());
                    continue;
                }
                Optional<Duration> retryAfter = send(next.get());
                if (retryAfter.isEmpty()) {
                    backoff = config.retry_initial_millis();
                    synchronized (wakeUp) {
                        wakeUp.notifyAll();
                    }
                } else {
                    long jittered = ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1);
                    pause(Math.max(jittered, retryAfter.get().toMillis()));
                    backoff = Math.min(backoff * 2, config.retry_max_millis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the store failed (a full disk, say): nothing was lost, so wait and look again
                LOG.error("Uplink could not read or update the outbox; trying again in {} ms", backoff, e);
                try {
                    pause(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, config.retry_max_millis());
            }
        }
    }

    /** Sends one entry; returns the least wait before retrying it, or empty if it left the queue. */
    private Optional<Duration> send(OutboxEntry entry) {
        SubmitReportRequest request = SubmitReportRequest.newBuilder()
                .setReport(ReportMessages.toMessage(entry.report(), entry.preparedAt())).build();
        try {
            Receipt receipt = stub.withDeadlineAfter(config.deadline_seconds(), TimeUnit.SECONDS)
                    .submitReport(request).getReceipt();
            Instant acceptedAt = ReportMessages.instant(receipt.getAcceptedAt());
            store.markDelivered(entry.entryId(), receipt.getReceiptId(), acceptedAt);
            LOG.info("Report {} revision {} delivered: receipt {}{}", entry.report().key(), entry.report().revision(),
                    receipt.getReceiptId(), receipt.getDuplicate() ? " (the ministry already had it)" : "");
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            Status status = e.getStatus();
            if (RETRYABLE.contains(status.getCode())) {
                String error = status.getCode() + ": " + status.getDescription()
                        + (status.getCause() == null ? "" : " (" + status.getCause().getMessage() + ")");
                store.recordFailedAttempt(entry.entryId(), error);
                LOG.warn("Report {} revision {} not delivered (attempt {}): {}; will retry", entry.report().key(),
                        entry.report().revision(), entry.attempts() + 1, error);
                return Optional.of(retryDelay(e).orElse(Duration.ZERO));
            }
            List<Problem> problems = rejectionProblems(e);
            store.markRejected(entry.entryId(), problems);
            LOG.error("Report {} revision {} REJECTED by the ministry ({}): {}", entry.report().key(),
                    entry.report().revision(), status.getCode(), problems);
            return Optional.empty();
        }
    }

    private static List<Problem> rejectionProblems(StatusRuntimeException e) {
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details != null) {
            for (Any detail : details.getDetailsList()) {
                if (detail.is(Rejection.class)) {
                    try {
                        return ProblemMessages.fromRejection(detail.unpack(Rejection.class));
                    } catch (InvalidProtocolBufferException ignored) {
                        // fall through to the status description
                    }
                }
            }
        }
        Status status = e.getStatus();
        return List.of(Problem.permanent("report", "ministry." + status.getCode().name().toLowerCase(),
                "Bộ Nội vụ từ chối báo cáo: " + status.getDescription(),
                "the ministry refused the report: " + status.getCode() + " " + status.getDescription()));
    }

    private static Optional<Duration> retryDelay(StatusRuntimeException e) {
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        if (details == null) {
            return Optional.empty();
        }
        for (Any detail : details.getDetailsList()) {
            if (detail.is(RetryInfo.class)) {
                try {
                    com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
                    return Optional.of(Duration.ofSeconds(delay.getSeconds(), delay.getNanos()));
                } catch (InvalidProtocolBufferException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Waits, unless the uplink is stopping; {@link #close()} wakes it early. */
    private void pause(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            if (running) {
                wakeUp.wait(Math.max(1, millis));
            }
        }
        if (!running) {
            throw new InterruptedException("uplink stopping");
        }
    }
}
