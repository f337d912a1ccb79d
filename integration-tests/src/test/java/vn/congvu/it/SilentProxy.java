package vn.congvu.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that behaves like a firewall's blackhole, then like a healthy network: until
 * {@link #forward()} it accepts every connection and stays silent, swallowing what it is sent; after it,
 * every NEW connection is joined to the target, while the connections accepted before stay silent for ever.
 * A client that does not abandon a silent connection by itself therefore never gets through.
 */
final class SilentProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger silentConnections = new AtomicInteger();
    private volatile boolean forwarding;

    /**
     * @param targetPort where to forward to, on 127.0.0.1, once {@link #forward()} is called
     * @throws IOException if no port can be had
     */
    SilentProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port clients connect to */
    int port() {
        return listener.getLocalPort();
    }

    /** @return how many connections were accepted and left silent */
    int silentConnections() {
        return silentConnections.get();
    }

    /** From now on, new connections reach the target. */
    void forward() {
        forwarding = true;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (forwarding) {
                    Socket target = new Socket();
                    sockets.add(target);
                    target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                    LoopbackBalancer.pipe(client.getInputStream(), target.getOutputStream(), target);
                    LoopbackBalancer.pipe(target.getInputStream(), client.getOutputStream(), client);
                } else {
                    silentConnections.incrementAndGet();
                    LoopbackBalancer.pipe(client.getInputStream(), OutputStream.nullOutputStream(), client);
                }
            } catch (IOException e) {
                // closed, or the target refused one connection: the client sees it closed and dials again
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
