package vn.congvu.grpc;

import io.grpc.ManagedChannel;
import org.osgi.annotation.versioning.ProviderType;

/** A gRPC client channel and the threads it owns. */
@ProviderType
public interface OwnedChannel extends AutoCloseable {

    /** @return the channel to build stubs on */
    ManagedChannel channel();

    /** Shuts the channel down, waits a short while for calls in flight, then releases every thread. */
    @Override
    void close();
}
