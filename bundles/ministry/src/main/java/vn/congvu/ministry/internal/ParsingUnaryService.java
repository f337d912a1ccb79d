package vn.congvu.ministry.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
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
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.TextRules;
import vn.congvu.federation.v1.CatalogServiceGrpc;
import vn.congvu.federation.v1.GetCatalogRequest;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;

/**
 * One unary service of the ministry, reading the request bytes itself, so that no input is answered with
 * grpc-java's own INTERNAL or UNKNOWN:
 * <ul>
 * <li>bytes that are not the request message: INVALID_ARGUMENT saying so (grpc-java would answer INTERNAL
 *     before any handler runs, but for a client a malformed message is its own mistake);</li>
 * <li>more request bytes under way at once than the budget: RESOURCE_EXHAUSTED with a retry delay, so that
 *     the heap stays bounded however many large reports arrive together;</li>
 * <li>an exception from the handler, a fault of the ministry's whatever the request: logged once with what
 *     the request was about, answered INTERNAL (grpc-java would answer UNKNOWN "Application error").</li>
 * </ul>
 * Parsed requests go to the endpoint unchanged.
 *
 * @param <Q> the request message
 * @param <R> the response message
 */
final class ParsingUnaryService<Q extends Message, R extends Message> implements BindableService {

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

    private static final Logger LOG = LoggerFactory.getLogger(ParsingUnaryService.class);
    private static final long BUSY_RETRY_MILLIS = 1_000;

    private final ServiceDescriptor generated;
    private final MethodDescriptor<Q, R> method;
    private final Parser<Q> parser;
    private final BiConsumer<Q, StreamObserver<R>> handler;
    private final Function<Q, String> describe;
    private final Semaphore kibibytesInFlight;

    private ParsingUnaryService(ServiceDescriptor generated, MethodDescriptor<Q, R> method, Parser<Q> parser,
                                BiConsumer<Q, StreamObserver<R>> handler, Function<Q, String> describe, int budgetKiB) {
        this.generated = generated;
        this.method = method;
        this.parser = parser;
        this.handler = handler;
        this.describe = describe;
        this.kibibytesInFlight = new Semaphore(budgetKiB);
    }

    /**
     * @param endpoint  the reporting endpoint
     * @param budgetKiB how many KiB of requests may be handled at once
     * @return ReportingService
     */
    static ParsingUnaryService<SubmitReportRequest, ?> reporting(ReportingEndpoint endpoint, int budgetKiB) {
        return new ParsingUnaryService<>(ReportingServiceGrpc.getServiceDescriptor(), ReportingServiceGrpc.getSubmitReportMethod(),
                SubmitReportRequest.parser(), endpoint::submitReport, request -> "report " + describe(request), budgetKiB);
    }

    /**
     * @param endpoint  the node endpoint
     * @param budgetKiB how many KiB of requests may be handled at once
     * @return NodeService
     */
    static ParsingUnaryService<ReportInventoryRequest, ?> node(NodeEndpoint endpoint, int budgetKiB) {
        return new ParsingUnaryService<>(NodeServiceGrpc.getServiceDescriptor(), NodeServiceGrpc.getReportInventoryMethod(),
                ReportInventoryRequest.parser(), endpoint::reportInventory,
                request -> "the inventory of province " + TextRules.quoted(request.getProvinceCode(), 20), budgetKiB);
    }

    /**
     * @param endpoint the catalog endpoint
     * @return CatalogService
     */
    static ParsingUnaryService<GetCatalogRequest, ?> catalog(CatalogEndpoint endpoint) {
        return new ParsingUnaryService<>(CatalogServiceGrpc.getServiceDescriptor(), CatalogServiceGrpc.getGetCatalogMethod(),
                GetCatalogRequest.parser(), endpoint::getCatalog, request -> "the catalog", 1_024);
    }

    @Override
    public ServerServiceDefinition bindService() {
        MethodDescriptor<byte[], byte[]> raw = method.toBuilder(BYTES, BYTES).build();
        // the schema descriptor of the generated service, so that server reflection describes it
        ServiceDescriptor service = ServiceDescriptor.newBuilder(generated.getName())
                .setSchemaDescriptor(generated.getSchemaDescriptor())
                .addMethod(raw)
                .build();
        return ServerServiceDefinition.builder(service)
                .addMethod(raw, ServerCalls.asyncUnaryCall(this::call))
                .build();
    }

    private void call(byte[] bytes, StreamObserver<byte[]> answer) {
        Q request;
        try {
            request = parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("the request is not a " + requestName()
                    + " of congvu.federation.v1 (" + e.getMessage() + ")").asRuntimeException());
            return;
        }
        int kibibytes = Math.max(1, (bytes.length + 1_023) / 1_024);
        if (!kibibytesInFlight.tryAcquire(kibibytes)) {
            LOG.warn("Busy: {} KiB of requests under way; asked a sender of {} to come back", kibibytes, describe.apply(request));
            answer.onError(Refusals.busy(BUSY_RETRY_MILLIS));
            return;
        }
        AnswerOnce<R> once = new AnswerOnce<>(answer);
        try {
            handler.accept(request, once);
        } catch (RuntimeException | StackOverflowError e) {
            String about = describe.apply(request);
            LOG.error("Unexpected failure while handling {}", about, e);
            once.fail(Status.INTERNAL.withDescription("the ministry failed while handling " + about
                    + "; the fault is logged at the ministry and is not caused by the request").asRuntimeException());
        } finally {
            kibibytesInFlight.release(kibibytes);
        }
    }

    /** The request message's name, such as SubmitReportRequest. */
    private String requestName() {
        return method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototype
                && prototype.getMessagePrototype() instanceof Message message
                ? message.getDescriptorForType().getName() : method.getFullMethodName() + " request";
    }

    /** A report's key and revision as sent, for the log: the sender's text, made safe and short. */
    private static String describe(SubmitReportRequest request) {
        if (!request.getReport().hasKey()) {
            return "(no key) revision " + request.getReport().getRevision();
        }
        vn.congvu.federation.v1.ReportKey key = request.getReport().getKey();
        return TextRules.quoted(key.getProvinceCode(), 20) + "/" + key.getPeriod().getYear() + "-" + key.getPeriod().getKind()
                + "-" + key.getPeriod().getNumber() + "/" + key.getRegime() + " revision " + request.getReport().getRevision();
    }

    /** Passes the endpoint's answer on, and lets a late failure answer only if nothing was answered yet. */
    private static final class AnswerOnce<T extends Message> implements StreamObserver<T> {
        private final StreamObserver<byte[]> answer;
        private boolean closed;

        AnswerOnce(StreamObserver<byte[]> answer) {
            this.answer = answer;
        }

        @Override
        public void onNext(T response) {
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
