package vn.congvu.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds gRPC servers and client channels over the Netty transport, each with its own event loops and
 * executor. grpc-java's shared default threads belong to whichever bundle first used them and die with it
 * on a refresh; owning them per server and channel avoids that.
 */
@ProviderType
public interface GrpcTransports {

    /**
     * The largest message a server takes (16 MiB), documented in reporting.proto: a sender checks its
     * message against it before sending, since grpc-java answers a larger one with RESOURCE_EXHAUSTED.
     */
    int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /**
     * Starts a server on the given address.
     *
     * @param address      where to listen; port 0 picks a free port
     * @param security     mutual TLS (every client must present a certificate the trust manager accepts) or
     *                     plaintext
     * @param services     the services to serve
     * @param interceptors interceptors applied to every call; as grpc-java's {@code ServerInterceptors.intercept}
     *                     takes them, the last one is called first
     * @return the running server; close it to stop it and release its threads
     * @throws IOException if the address cannot be bound, with the address in the message
     */
    OwnedServer startServer(InetSocketAddress address, TransportSecurity security, List<BindableService> services,
                            List<ServerInterceptor> interceptors) throws IOException;

    /**
     * Opens a channel to a server. With mutual TLS the server's certificate must be accepted by the trust
     * manager and name the target's host; when the key manager's certificate changes, the channel moves its
     * new calls to new connections, so that the server sees the new certificate without a call failing.
     *
     * @param target   the server's host and port; the host is looked up (again) whenever a connection is made
     * @param security mutual TLS or plaintext
     * @return the channel; close it to shut it down and release its threads
     */
    OwnedChannel openChannel(InetSocketAddress target, TransportSecurity security);
}
