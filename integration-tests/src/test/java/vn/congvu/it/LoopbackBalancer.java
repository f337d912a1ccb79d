package vn.congvu.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP balancer in front of several servers, as a ministry's load balancer is: each new connection goes to
 * the next server in turn, or to the one after it when that one does not answer (a node that was killed). A
 * connection stays with its server until either side closes it.
 */
final class LoopbackBalancer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Integer> targetPorts;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * @param targetPorts the servers' ports on 127.0.0.1
     * @throws IOException if no port can be had
     */
    LoopbackBalancer(List<Integer> targetPorts) throws IOException {
        this.targetPorts = List.copyOf(targetPorts);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "balancer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the port clients connect to */
    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Socket target = connectToOne();
                if (target == null) {
                    client.close();
                    continue;
                }
                sockets.add(target);
                pipe(client.getInputStream(), target.getOutputStream(), target);
                pipe(target.getInputStream(), client.getOutputStream(), client);
            } catch (IOException e) {
                // closed: the balancer is stopping
            }
        }
    }

    /** @return a connection to the next server that answers, or null if none does */
    private Socket connectToOne() {
        int first = Math.floorMod(next.getAndIncrement(), targetPorts.size());
        for (int i = 0; i < targetPorts.size(); i++) {
            Socket target = new Socket();
            try {
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        targetPorts.get((first + i) % targetPorts.size())), 2_000);
                return target;
            } catch (IOException refused) {
                try {
                    target.close();
                } catch (IOException ignored) {
                    // never opened
                }
            }
        }
        return null;
    }

    /** Copies bytes until either side closes; then closes the other, as a proxy does. */
    static void pipe(InputStream from, OutputStream to, Socket closeAfter) {
        Thread thread = new Thread(() -> {
            try (closeAfter) {
                from.transferTo(to);
            } catch (IOException ignored) {
                // one side went away
            }
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
