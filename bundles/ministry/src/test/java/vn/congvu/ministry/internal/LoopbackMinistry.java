package vn.congvu.ministry.internal;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.grpc.internal.NettyGrpcTransports;
import vn.congvu.store.internal.DerbyEngine;
import vn.congvu.store.internal.JdbcMinistryStore;
import vn.congvu.store.internal.StoreSettings;

/**
 * A real ministry for tests: the MinistryServer component over a Derby store in a folder, listening on
 * loopback, and a stock grpc-java client with default settings (8 KiB of metadata, 4 MiB messages) that
 * sends raw bytes, so that a test can send what no generated client would.
 *
 * <p>In plaintext (the content checks, which do not depend on who sends) the client is built here; over mutual
 * TLS the test builds its clients with whatever certificate it presents.
 */
final class LoopbackMinistry implements AutoCloseable {

    private static final MethodDescriptor<?, ?> SUBMIT = ReportingServiceGrpc.getSubmitReportMethod();

    private final JdbcMinistryStore store;
    private final MinistryServer server;
    private final ManagedChannel channel;

    /** A ministry in plaintext on loopback, with its client. */
    LoopbackMinistry(Path folder) throws Exception {
        this(folder, null);
    }

    /**
     * @param folder its database's folder
     * @param tls    a folder holding the ministry's node.key.pem, node.crt.pem, ca.crt.pem and crl.pem, or
     *               {@code null} for plaintext
     */
    LoopbackMinistry(Path folder, Path tls) throws Exception {
        store = new JdbcMinistryStore(new StoreSettings() {
            @Override
            public String database() {
                return folder.resolve("ministry-db").toString();
            }

            @Override
            public String url() {
                return "";
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password_file() {
                return "";
            }

            @Override
            public int pool_size() {
                return 16;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreSettings.class;
            }
        }, new DerbyEngine());
        server = new MinistryServer(MinistrySettings.loopback(tls), store, new NettyGrpcTransports(), List.of());
        // grpc-java's own builder, so the client has a stock client's default limits
        channel = tls != null ? null
                : Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
    }

    /** @return the port it listens on */
    int port() {
        return server.port();
    }

    /** @return the stock client's channel (plaintext only) */
    ManagedChannel channel() {
        return channel;
    }

    /** @return the store behind the server */
    JdbcMinistryStore store() {
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
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        server.close();
        store.close();
    }
}
