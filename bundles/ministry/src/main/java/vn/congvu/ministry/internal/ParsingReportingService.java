package vn.congvu.ministry.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;

/**
 * ReportingService, reading the request bytes itself: grpc-java answers a request it cannot parse with
 * INTERNAL before any handler runs, but for a client a malformed report is its own mistake, so the
 * ministry answers INVALID_ARGUMENT saying what was wrong. Parsed requests go to the endpoint unchanged.
 */
final class ParsingReportingService implements BindableService {

    /** Request and answer bytes as they are. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("cannot read the request").withCause(e).asRuntimeException();
            }
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(ParsingReportingService.class);

    private final ReportingEndpoint endpoint;

    ParsingReportingService(ReportingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public ServerServiceDefinition bindService() {
        MethodDescriptor<byte[], byte[]> submit = ReportingServiceGrpc.getSubmitReportMethod().toBuilder(BYTES, BYTES).build();
        // the schema descriptor of the generated service, so that server reflection describes it
        ServiceDescriptor service = ServiceDescriptor.newBuilder(ReportingServiceGrpc.SERVICE_NAME)
                .setSchemaDescriptor(ReportingServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
                .addMethod(submit)
                .build();
        return ServerServiceDefinition.builder(service)
                .addMethod(submit, ServerCalls.asyncUnaryCall(this::submitReport))
                .build();
    }

    private void submitReport(byte[] bytes, StreamObserver<byte[]> answer) {
        SubmitReportRequest request;
        try {
            request = SubmitReportRequest.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("the request is not a SubmitReportRequest of "
                    + "congvu.federation.v1 (" + e.getMessage() + ")").asRuntimeException());
            return;
        }
        AnswerOnce once = new AnswerOnce(answer);
        try {
            endpoint.submitReport(request, once);
        } catch (RuntimeException | StackOverflowError e) {
            // a fault of the ministry's, whatever the report: logged once with its key, answered INTERNAL
            // rather than grpc's UNKNOWN "Application error processing RPC"
            String key = request.getReport().hasKey() ? describe(request.getReport().getKey()) : "(no key)";
            LOG.error("Unexpected failure while handling report {} revision {}", key,
                    request.getReport().getRevision(), e);
            once.fail(Status.INTERNAL.withDescription("the ministry failed while handling report " + key
                    + "; the fault is logged at the ministry and is not caused by the report").asRuntimeException());
        }
    }

    /** A key as sent, for the log: the sender's text, cut short. */
    private static String describe(vn.congvu.federation.v1.ReportKey key) {
        return Refusals.cut(key.getProvinceCode() + "/" + key.getPeriod().getYear() + "-" + key.getPeriod().getKind()
                + "-" + key.getPeriod().getNumber() + "/" + key.getRegime(), 120);
    }

    /** Passes the endpoint's answer on, and lets a late failure answer only if nothing was answered yet. */
    private static final class AnswerOnce implements StreamObserver<SubmitReportResponse> {
        private final StreamObserver<byte[]> answer;
        private boolean closed;

        AnswerOnce(StreamObserver<byte[]> answer) {
            this.answer = answer;
        }

        @Override
        public void onNext(SubmitReportResponse response) {
            answer.onNext(response.toByteArray());
        }

        @Override
        public void onError(Throwable error) {
            closed = true;
            answer.onError(error);
        }

        @Override
        public void onCompleted() {
            closed = true;
            answer.onCompleted();
        }

        void fail(Throwable error) {
            if (!closed) {
                onError(error);
            }
        }
    }
}
