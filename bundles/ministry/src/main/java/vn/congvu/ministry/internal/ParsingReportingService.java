package vn.congvu.ministry.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;

/**
 * ReportingService, reading the request bytes itself: grpc-java answers a request it cannot parse with
 * INTERNAL before any handler runs, but for a client a malformed report is its own mistake, so the
 * ministry answers INVALID_ARGUMENT saying what was wrong. Parsed requests go to the endpoint unchanged.
 */
final class ParsingReportingService implements BindableService {

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
                throw Status.INTERNAL.withDescription("cannot read the request").withCause(e).asRuntimeException();
            }
        }
    };

    private final ReportingEndpoint endpoint;

    ParsingReportingService(ReportingEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public ServerServiceDefinition bindService() {
        MethodDescriptor<byte[], byte[]> submit = ReportingServiceGrpc.getSubmitReportMethod().toBuilder(BYTES, BYTES).build();
        return ServerServiceDefinition.builder(ReportingServiceGrpc.SERVICE_NAME)
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
        endpoint.submitReport(request, new StreamObserver<>() {
            @Override
            public void onNext(SubmitReportResponse response) {
                answer.onNext(response.toByteArray());
            }

            @Override
            public void onError(Throwable error) {
                answer.onError(error);
            }

            @Override
            public void onCompleted() {
                answer.onCompleted();
            }
        });
    }
}
