package vn.congvu.uplink.internal;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import vn.congvu.api.Problem;
import vn.congvu.api.TextRules;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.proto.ProblemMessages;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.OutboxEntry;

/**
 * One try at delivering one outbox entry: builds the message, submits it, and says what came of it as a
 * value. It changes nothing in the store; the sender records the outcome.
 */
final class DeliveryAttempt {

    /** What came of one try. */
    sealed interface Outcome {
        /**
         * The ministry holds the report.
         *
         * @param receiptId  its receipt
         * @param acceptedAt when it was accepted
         * @param duplicate  whether the ministry had it already (a retry after a lost answer)
         */
        record Delivered(String receiptId, Instant acceptedAt, boolean duplicate) implements Outcome {
        }

        /**
         * The report's content is at fault: never retried.
         *
         * @param status   the status code, such as INVALID_ARGUMENT
         * @param problems every reason the ministry gave
         */
        record Refused(String status, List<Problem> problems) implements Outcome {
        }

        /**
         * Transient trouble: every key waits.
         *
         * @param requested how long the ministry asked to wait ({@code RetryInfo}), zero if it did not
         * @param status    the status code
         * @param error     what went wrong
         */
        record RetryAll(Duration requested, String status, String error) implements Outcome {
        }

        /**
         * The ministry's own fault: this key waits, others go on.
         *
         * @param requested how long the ministry asked to wait, zero if it did not
         * @param status    the status code
         * @param error     what went wrong
         */
        record RetryKey(Duration requested, String status, String error) implements Outcome {
        }

        /**
         * Something inside the province failed before anything was sent; retrying would fail the same way.
         *
         * @param error what failed
         */
        record Failed(String error) implements Outcome {
        }
    }

    /** The province stores receipt ids of up to this many characters. */
    private static final int MAX_RECEIPT_ID = 100;
    private static final long MAX_REQUESTED_SECONDS = 600;

    private final ManagedChannel channel;
    private final ReportingServiceGrpc.ReportingServiceBlockingStub stub;
    private final Duration deadline;
    private final Function<OutboxEntry, SubmitReportRequest> messages;

    /**
     * @param channel  the channel to the ministry
     * @param deadline how long one submission may take
     * @param messages builds the request for an entry ({@link #message(OutboxEntry)}; tests put a failing one)
     */
    DeliveryAttempt(ManagedChannel channel, Duration deadline, Function<OutboxEntry, SubmitReportRequest> messages) {
        this.channel = channel;
        this.stub = ReportingServiceGrpc.newBlockingStub(channel);
        this.deadline = deadline;
        this.messages = messages;
    }

    /**
     * @param entry an outbox entry
     * @return the request that submits it
     */
    static SubmitReportRequest message(OutboxEntry entry) {
        return SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(entry.report(), entry.preparedAt()))
                .build();
    }

    /**
     * @param entry the entry to send
     * @return what came of it
     */
    Outcome send(OutboxEntry entry) {
        SubmitReportRequest request;
        try {
            request = messages.apply(entry);
        } catch (RuntimeException e) {
            return new Outcome.Failed("the report could not be turned into a message: " + e);
        }
        if (request.getSerializedSize() > GrpcTransports.MAX_MESSAGE_BYTES) {
            return new Outcome.Failed("the report is " + request.getSerializedSize() + " bytes as a message, and the "
                    + "ministry takes at most " + GrpcTransports.MAX_MESSAGE_BYTES + " (16 MiB)");
        }
        Receipt receipt;
        try {
            receipt = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).submitReport(request).getReceipt();
        } catch (StatusRuntimeException e) {
            return failed(e);
        }
        return delivered(receipt);
    }

    /**
     * A receipt the province can keep: an id it can store and a moment it can read. Anything else is the
     * ministry's fault, and sending again is answered with the same receipt, so the key waits its own backoff.
     */
    private static Outcome delivered(Receipt receipt) {
        String id = receipt.getReceiptId();
        if (id.isEmpty() || id.length() > MAX_RECEIPT_ID || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || !ReportMessages.isPlausibleMoment(receipt.getAcceptedAt())) {
            return new Outcome.RetryKey(Duration.ZERO, "OK", "the ministry's receipt cannot be kept (id '"
                    + TextRules.quoted(id, 40) + "', accepted at " + receipt.getAcceptedAt().getSeconds() + " s)");
        }
        return new Outcome.Delivered(id, ReportMessages.instant(receipt.getAcceptedAt()), receipt.getDuplicate());
    }

    private Outcome failed(StatusRuntimeException e) {
        Status status = e.getStatus();
        String code = status.getCode().name();
        String error = code + ": " + TlsTrouble.explain(status).orElseGet(() -> status.getDescription()
                + (status.getCause() == null ? "" : " (" + status.getCause().getMessage() + ")"));
        if (RetryPolicy.dropsConnection(status.getCode())) {
            // the connection may be open but silent (a blackhole, a half-dead peer): drop it, so that the
            // next try dials anew, and make the channel's own reconnect backoff forget this failure, so
            // that the uplink's backoff is the only one between two tries
            channel.enterIdle();
            channel.resetConnectBackoff();
        }
        Optional<Duration> requested = retryDelay(e);
        return switch (RetryPolicy.verdict(status.getCode(), requested.isPresent())) {
            case RETRY_ALL -> new Outcome.RetryAll(requested.orElse(Duration.ZERO), code, error);
            case RETRY_KEY -> new Outcome.RetryKey(requested.orElse(Duration.ZERO), code, error);
            case REFUSE -> new Outcome.Refused(code, rejectionProblems(e));
            // a call that throws never ended OK; should it, this is the ministry's bug, so retry this key
            case DELIVERED -> new Outcome.RetryKey(Duration.ZERO, code, "the call failed with status OK: " + error);
        };
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
                    // a delay out of any sensible range (negative, or seconds that overflow) is read as 0 to
                    // 10 minutes, never as an exception that would stop the sender
                    long seconds = Math.max(0, Math.min(delay.getSeconds(), MAX_REQUESTED_SECONDS));
                    return Optional.of(Duration.ofSeconds(seconds, Math.floorMod(delay.getNanos(), 1_000_000_000)));
                } catch (InvalidProtocolBufferException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
