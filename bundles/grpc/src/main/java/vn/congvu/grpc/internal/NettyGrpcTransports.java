package vn.congvu.grpc.internal;

import io.grpc.BindableService;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.LoadBalancerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.NameResolverRegistry;
import io.grpc.internal.DnsNameResolverProvider;
import io.grpc.internal.PickFirstLoadBalancerProvider;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.grpc.OwnedServer;
import vn.congvu.grpc.TransportSecurity;

/**
 * Netty (NIO) transports with per-server and per-channel event loops and executors, and grpc-java's own TLS
 * (BoringSSL from the netty-tcnative that grpc-netty-shaded carries, else the JDK's).
 */
@Component(service = GrpcTransports.class)
public class NettyGrpcTransports implements GrpcTransports {

    private static final Logger LOG = LoggerFactory.getLogger(NettyGrpcTransports.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 5;
    /** A client pings after this long without reading anything; grpc-java's smallest allowed value. */
    private static final long KEEPALIVE_TIME_SECONDS = 10;
    /** A ping unanswered this long closes the connection. */
    private static final long KEEPALIVE_TIMEOUT_SECONDS = 5;
    /** Servers accept pings this often; below the clients' interval, so a client never gets GOAWAY. */
    private static final long PERMIT_KEEPALIVE_SECONDS = 5;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** How often a TLS channel checks whether its certificate was rotated. */
    private static final long IDENTITY_CHECK_MILLIS = 2_000;
    /**
     * Connections last at most this long, then clients reconnect (calls in flight get the grace period): a
     * revocation list and rotated certificates are checked again at every handshake.
     */
    private static final long MAX_CONNECTION_AGE_MINUTES = 60;
    private static final long MAX_CONNECTION_AGE_GRACE_SECONDS = 60;

    /** Registers pick_first and dns in case ServiceLoader discovery found nothing inside OSGi. */
    @Activate
    public NettyGrpcTransports() {
        LoadBalancerRegistry balancers = LoadBalancerRegistry.getDefaultRegistry();
        if (balancers.getProvider("pick_first") == null) {
            balancers.register(new PickFirstLoadBalancerProvider());
        }
        NameResolverRegistry resolvers = NameResolverRegistry.getDefaultRegistry();
        if (resolvers.getProviderForScheme("dns") == null) {
            resolvers.register(new DnsNameResolverProvider());
        }
        if (OpenSsl.isAvailable()) {
            LOG.info("TLS by {} (netty-tcnative, inside grpc-netty-shaded)", OpenSsl.versionString());
        } else {
            LOG.warn("TLS by the JDK: BoringSSL could not be loaded ({})", String.valueOf(OpenSsl.unavailabilityCause()));
        }
    }

    @Override
    public OwnedServer startServer(InetSocketAddress address, TransportSecurity security, List<BindableService> services,
                                   List<ServerInterceptor> interceptors) throws IOException {
        String name = "grpc-server-" + address.getPort();
        // built before any thread exists: a key or trust manager that cannot be used leaves nothing behind
        ServerCredentials credentials = serverCredentials(security);
        EventLoopGroup boss = new NioEventLoopGroup(1, threads(name + "-boss"));
        EventLoopGroup workers = new NioEventLoopGroup(0, threads(name + "-io"));
        ExecutorService executor = Executors.newCachedThreadPool(threads(name + "-call"));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials)
                .channelType(NioServerSocketChannel.class)
                .bossEventLoopGroup(boss)
                .workerEventLoopGroup(workers)
                .executor(executor)
                // documented in reporting.proto; it binds whatever the report's count limits allow, and a
                // larger message is answered RESOURCE_EXHAUSTED without a retry delay
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                // provinces ping every KEEPALIVE_TIME, with or without calls, to notice a silent connection:
                // allow it, rather than answer with GOAWAY too_many_pings (the default allows one per 5 min)
                .permitKeepAliveTime(PERMIT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .maxConnectionAge(MAX_CONNECTION_AGE_MINUTES, TimeUnit.MINUTES)
                .maxConnectionAgeGrace(MAX_CONNECTION_AGE_GRACE_SECONDS, TimeUnit.SECONDS);
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, interceptors));
        }
        Server server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            release(name, boss, workers, executor);
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        LOG.debug("gRPC server listening on {} ({})", server.getListenSockets(), security);
        return new OwnedServer() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.shutdown();
                awaitTermination(name, () -> server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS),
                        server::shutdownNow);
                release(name, boss, workers, executor);
            }
        };
    }

    @Override
    public OwnedChannel openChannel(InetSocketAddress target, TransportSecurity security) {
        String name = "grpc-client-" + target.getHostString() + "-" + target.getPort();
        EventLoopGroup group = new NioEventLoopGroup(1, threads(name + "-io"));
        ExecutorService executor = Executors.newCachedThreadPool(threads(name + "-call"));
        RotatingChannel channel;
        try {
            // the credentials are made again for each rotation: a new SSL context, so no session outlives it
            channel = new RotatingChannel(() -> buildChannel(target, channelCredentials(security), group, executor), group);
        } catch (RuntimeException e) {
            release(name, null, group, executor);
            throw e;
        }
        ScheduledFuture<?> identityCheck = security.isPlaintext() ? null : group.scheduleWithFixedDelay(
                new IdentityWatch(name, security, channel::rotate), IDENTITY_CHECK_MILLIS, IDENTITY_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        return new OwnedChannel() {
            @Override
            public ManagedChannel channel() {
                return channel;
            }

            @Override
            public void close() {
                if (identityCheck != null) {
                    identityCheck.cancel(false);
                }
                channel.shutdown();
                awaitTermination(name, () -> channel.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS),
                        channel::shutdownNow);
                release(name, null, group, executor);
            }
        };
    }

    private static ManagedChannel buildChannel(InetSocketAddress target, ChannelCredentials credentials, EventLoopGroup group,
                                               ExecutorService executor) {
        // by name, so that the ministry's address is looked up again on every reconnection
        return NettyChannelBuilder.forAddress(target.getHostString(), target.getPort(), credentials)
                .channelType(NioSocketChannel.class)
                .eventLoopGroup(group)
                .executor(executor)
                // a connection that is open but silent (a firewall's blackhole, a peer that froze) is
                // abandoned when a ping goes unanswered, instead of holding calls until their deadlines
                .keepAliveTime(KEEPALIVE_TIME_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                // an address that drops SYNs fails in seconds, not after the system's TCP timeout (minutes)
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .build();
    }

    private static ServerCredentials serverCredentials(TransportSecurity security) {
        if (security.isPlaintext()) {
            return InsecureServerCredentials.create();
        }
        return TlsServerCredentials.newBuilder()
                .keyManager(security.keyManager())
                .trustManager(security.trustManager())
                .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                .build();
    }

    private static ChannelCredentials channelCredentials(TransportSecurity security) {
        if (security.isPlaintext()) {
            return InsecureChannelCredentials.create();
        }
        return TlsChannelCredentials.newBuilder()
                .keyManager(security.keyManager())
                .trustManager(security.trustManager())
                .build();
    }

    /** Rotates a channel when the certificate it presents changed. */
    private static final class IdentityWatch implements Runnable {
        private final String name;
        private final TransportSecurity security;
        private final Runnable rotate;
        private long generation;

        IdentityWatch(String name, TransportSecurity security, Runnable rotate) {
            this.name = name;
            this.security = security;
            this.rotate = rotate;
            this.generation = security.identityGeneration();
        }

        @Override
        public void run() {
            try {
                long now = security.identityGeneration();
                if (now != generation) {
                    LOG.info("{}: the node's certificate changed; new calls go over new connections", name);
                    rotate.run();
                    // only once rotated: a rotation that failed is tried again at the next check
                    generation = now;
                }
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: the next check must still happen
                LOG.warn("{}: could not check the node's certificate: {}", name, e.toString());
            }
        }
    }

    private interface Termination {
        boolean await() throws InterruptedException;
    }

    private static void awaitTermination(String name, Termination termination, Runnable forceful) {
        try {
            if (!termination.await()) {
                LOG.warn("{} still had calls in flight after {} s; cancelling them", name, SHUTDOWN_GRACE_SECONDS);
                forceful.run();
            }
        } catch (InterruptedException e) {
            forceful.run();
            Thread.currentThread().interrupt();
        }
    }

    private static void release(String name, EventLoopGroup boss, EventLoopGroup workers, ExecutorService executor) {
        if (boss != null) {
            boss.shutdownGracefully(0, SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        }
        workers.shutdownGracefully(0, SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        executor.shutdown();
        LOG.debug("released the threads of {}", name);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
