package vn.congvu.grpc;

import org.osgi.annotation.versioning.ProviderType;

/** A running gRPC server and the threads it owns. */
@ProviderType
public interface OwnedServer extends AutoCloseable {

    /** @return the port it listens on (the real one when 0 was asked for) */
    int port();

    /** Stops accepting calls, waits a short while for calls in flight, then releases every thread. */
    @Override
    void close();
}
