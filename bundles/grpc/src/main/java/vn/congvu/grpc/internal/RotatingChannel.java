package vn.congvu.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A channel whose connections can be replaced while it is in use: stubs keep the one channel, and after
 * {@link #rotate()} their new calls go over a freshly built channel while the calls in flight finish on the old
 * one. The old one is shut down only after {@link #RETIRE_AFTER_SECONDS}: a call that picked it just before
 * the rotation still starts on an open channel. A rotated client certificate reaches the server this way
 * without a call failing (TLS presents a certificate only when a connection is made).
 */
final class RotatingChannel extends ManagedChannel {

    /** Longer than any call takes to start once it has picked its channel. */
    static final long RETIRE_AFTER_SECONDS = 10;

    private final Supplier<ManagedChannel> builder;
    private final ScheduledExecutorService scheduler;
    private final List<ManagedChannel> retiring = new ArrayList<>();
    private volatile ManagedChannel current;
    private boolean shutdown;

    /**
     * @param builder   builds a new channel, with the current certificate
     * @param scheduler shuts retired channels down later
     */
    RotatingChannel(Supplier<ManagedChannel> builder, ScheduledExecutorService scheduler) {
        this.builder = builder;
        this.scheduler = scheduler;
        this.current = builder.get();
    }

    /** New calls go to a new channel; the old one finishes its calls and closes. */
    synchronized void rotate() {
        if (shutdown) {
            return;
        }
        ManagedChannel old = current;
        current = builder.get();
        retiring.removeIf(ManagedChannel::isTerminated);
        retiring.add(old);
        // shutdown() lets the calls in flight finish; later, so that no call picks a channel already shut down
        scheduler.schedule(old::shutdown, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
        return current.newCall(method, options);
    }

    @Override
    public String authority() {
        return current.authority();
    }

    @Override
    public synchronized ManagedChannel shutdown() {
        shutdown = true;
        current.shutdown();
        retiring.forEach(ManagedChannel::shutdown);
        return this;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && current.isTerminated() && retiring.stream().allMatch(ManagedChannel::isTerminated);
    }

    @Override
    public synchronized ManagedChannel shutdownNow() {
        shutdown = true;
        current.shutdownNow();
        retiring.forEach(ManagedChannel::shutdownNow);
        return this;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<ManagedChannel> all;
        synchronized (this) {
            all = new ArrayList<>(retiring);
            all.add(current);
        }
        for (ManagedChannel channel : all) {
            if (!channel.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
        return current.getState(requestConnection);
    }

    @Override
    public void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
        current.notifyWhenStateChanged(source, callback);
    }

    @Override
    public void resetConnectBackoff() {
        current.resetConnectBackoff();
    }

    @Override
    public void enterIdle() {
        current.enterIdle();
    }
}
