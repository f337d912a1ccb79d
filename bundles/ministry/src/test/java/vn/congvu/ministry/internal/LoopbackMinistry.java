package vn.congvu.ministry.internal;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.grpc.internal.NettyGrpcTransports;
import vn.congvu.store.internal.DerbyEngine;
import vn.congvu.store.internal.DerbyMinistryStore;

/**
 * A real ministry for tests: the MinistryServer component over a Derby store in a folder, listening on
 * loopback, and a stock grpc-java client with default settings (8 KiB of metadata, 4 MiB messages) that
 * sends raw bytes, so that a test can send what no generated client would.
 */
final class LoopbackMinistry implements AutoCloseable {

    private static final MethodDescriptor<?, ?> SUBMIT = ReportingServiceGrpc.getSubmitReportMethod();

    private final DerbyMinistryStore store;
    private final MinistryServer server;
    private final ManagedChannel channel;

    LoopbackMinistry(Path folder) throws IOException {
        store = new DerbyMinistryStore(new DerbyMinistryStore.Config() {
            @Override
            public String database() {
                return folder.resolve("ministry-db").toString();
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DerbyMinistryStore.Config.class;
            }
        }, new DerbyEngine());
        server = new MinistryServer(new MinistryServer.Config() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 0;
            }

            @Override
            public boolean print_stored() {
                return false;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MinistryServer.Config.class;
            }
        }, store, new NettyGrpcTransports(), List.of());
        // loopback only, as the ministry's server itself listens in plaintext until province identity (TLS)
        // comes; grpc-java's own builder, so the client has a stock client's default limits
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
    }

    /** @return the stock client's channel */
    ManagedChannel channel() {
        return channel;
    }

    /** @return the store behind the server */
    DerbyMinistryStore store() {
        return store;
    }

    /**
     * Sends request bytes as they are.
     *
     * @throws io.grpc.StatusRuntimeException with the ministry's answer when it is not OK
     */
    byte[] submit(byte[] request, long deadlineSeconds) {
        return call(SUBMIT, request, deadlineSeconds);
    }

    /**
     * Sends request bytes as they are to any unary method of the ministry.
     *
     * @throws io.grpc.StatusRuntimeException with the ministry's answer when it is not OK
     */
    byte[] call(MethodDescriptor<?, ?> method, byte[] request, long deadlineSeconds) {
        return ClientCalls.blockingUnaryCall(channel,
                method.toBuilder(ParsingUnaryService.BYTES, ParsingUnaryService.BYTES).build(),
                CallOptions.DEFAULT.withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS), request);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        store.close();
    }
}
