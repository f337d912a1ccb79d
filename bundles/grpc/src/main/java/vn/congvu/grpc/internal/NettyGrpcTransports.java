package vn.congvu.grpc.internal;

import io.grpc.BindableService;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/** Netty (NIO) transports with per-server and per-channel event loops and executors. */
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
    }

    @Override
    public OwnedServer startServer(InetSocketAddress address, List<BindableService> services,
                                   List<ServerInterceptor> interceptors) throws IOException {
        String name = "grpc-server-" + address.getPort();
        EventLoopGroup boss = new NioEventLoopGroup(1, threads(name + "-boss"));
        EventLoopGroup workers = new NioEventLoopGroup(0, threads(name + "-io"));
        ExecutorService executor = Executors.newCachedThreadPool(threads(name + "-call"));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
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
                .permitKeepAliveWithoutCalls(true);
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
        LOG.debug("gRPC server listening on {}", server.getListenSockets());
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
    public OwnedChannel openChannel(InetSocketAddress target) {
        String name = "grpc-client-" + target.getHostString() + "-" + target.getPort();
        EventLoopGroup group = new NioEventLoopGroup(1, threads(name + "-io"));
        ExecutorService executor = Executors.newCachedThreadPool(threads(name + "-call"));
        // by name, so that the ministry's address is looked up again on every reconnection
        ManagedChannel channel = NettyChannelBuilder.forAddress(target.getHostString(), target.getPort())
                .channelType(NioSocketChannel.class)
                .eventLoopGroup(group)
                .executor(executor)
                .usePlaintext()
                // a connection that is open but silent (a firewall's blackhole, a peer that froze) is
                // abandoned when a ping goes unanswered, instead of holding calls until their deadlines
                .keepAliveTime(KEEPALIVE_TIME_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true)
                // an address that drops SYNs fails in seconds, not after the system's TCP timeout (minutes)
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .build();
        return new OwnedChannel() {
            @Override
            public ManagedChannel channel() {
                return channel;
            }

            @Override
            public void close() {
                channel.shutdown();
                awaitTermination(name, () -> channel.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS),
                        channel::shutdownNow);
                release(name, null, group, executor);
            }
        };
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
