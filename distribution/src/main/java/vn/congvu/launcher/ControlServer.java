package vn.congvu.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running node's end of the control channel ({@link ControlProtocol}): {@code exec}, {@code shell},
 * {@code status} and {@code stop} from another process of the same user. Only that user can reach the socket
 * (its folder is mode 700) and the node also checks the caller's user from the socket's peer credentials.
 */
final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_CONNECTIONS = 16;
    /** A connection must say what it wants this soon, or it is closed: idle connections must not lock others out. */
    private static final long FIRST_REQUEST_SECONDS = 10;
    /** A shell may sit at its prompt this long between two commands. */
    private static final long IDLE_SECONDS = 30 * 60;
    /** The Gogo session variable naming the connection, which the node's work is tracked by (see the admin bundle). */
    private static final String OWNER_VARIABLE = "congvu.owner";

    private final Path socket;
    private final ServerSocketChannel server;
    private final BundleContext context;
    private final Path home;
    private final Runnable stopNode;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final AtomicInteger connectionNumber = new AtomicInteger();
    private final java.security.Principal owner;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "congvu-control-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private ControlServer(Path socket, ServerSocketChannel server, BundleContext context, Path home, Runnable stopNode)
            throws IOException {
        this.socket = socket;
        this.owner = Files.getOwner(socket);
        this.server = server;
        this.context = context;
        this.home = home;
        this.stopNode = stopNode;
    }

    /**
     * Listens on the home's control socket. The caller holds the home's {@link NodeLock}, so a socket file
     * already there is a leftover of a node that was killed, and is replaced.
     */
    static ControlServer start(Path home, BundleContext context, Runnable stopNode) throws IOException {
        Path socket = ControlProtocol.socket(home);
        ControlProtocol.ownerOnlyFolder(socket);
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        ControlServer control = new ControlServer(socket, server, context, home, stopNode);
        Thread acceptor = new Thread(control::accept, "congvu-control");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Commands to this node: bin/congvu exec|shell|status|stop {} (control socket {})", home, socket);
        return control;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                if (!connections.tryAcquire()) {
                    refuse(connection, "the node already serves " + MAX_CONNECTIONS + " control connections; try again");
                    continue;
                }
                Thread handler = new Thread(() -> {
                    try (connection) {
                        serve(connection);
                    } catch (IOException e) {
                        LOG.debug("A control connection ended: {}", e.getMessage());
                    } finally {
                        connections.release();
                    }
                }, "congvu-control-" + connectionNumber.incrementAndGet());
                handler.setDaemon(true);
                handler.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("The control socket failed to accept a connection: {}", e.getMessage());
                try {
                    Thread.sleep(1_000); // out of file descriptors, say: do not spin
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void refuse(SocketChannel connection, String why) {
        try (connection) {
            DataOutputStream out = new DataOutputStream(ControlProtocol.output(connection));
            ControlProtocol.writeText(out, ControlProtocol.HELLO, "0");
            ControlProtocol.writeText(out, ControlProtocol.ERR, "congvu: " + why + "\n");
            ControlProtocol.writeResult(out, ControlProtocol.REFUSED);
        } catch (IOException e) {
            LOG.debug("Could not refuse a control connection: {}", e.getMessage());
        }
    }

    private void serve(SocketChannel connection) throws IOException {
        // by user id, as the kernel reports the caller (a user without a name in /etc/passwd still matches itself)
        UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (peer == null || !peer.user().equals(owner)) {
            String caller = peer == null ? "unknown" : peer.user().getName();
            LOG.warn("Refused a control connection from user {}: only {} may control this node", caller, owner.getName());
            refuse(connection, "only the user " + owner.getName() + " that runs this node may control it, not " + caller
                    + " (try: sudo -u " + owner.getName() + " bin/congvu ...)");
            return;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(ControlProtocol.input(connection)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ControlProtocol.output(connection)));
        ControlProtocol.writeText(out, ControlProtocol.HELLO, Long.toString(ProcessHandle.current().pid()));
        String owner = Thread.currentThread().getName().replaceFirst("^congvu-", "");
        // requests are read by their own thread, so that a cancel (Ctrl-C) arrives while a script runs
        BlockingQueue<Request> requests = new ArrayBlockingQueue<>(4);
        Thread reader = new Thread(() -> readRequests(in, out, requests, owner), Thread.currentThread().getName() + "-reader");
        reader.setDaemon(true);
        reader.start();
        GogoSession session = null;
        ScheduledFuture<?> idle = watchdog.schedule(() -> closeQuietly(connection), FIRST_REQUEST_SECONDS, TimeUnit.SECONDS);
        try {
            while (true) {
                Request request = requests.poll(1, TimeUnit.SECONDS);
                if (request == null) {
                    if (!reader.isAlive() && requests.isEmpty()) {
                        return; // the client went away
                    }
                    continue;
                }
                idle.cancel(false);
                switch (request.kind()) {
                    case ControlProtocol.SCRIPT -> {
                        if (session == null) {
                            session = new GogoSession(context, ControlProtocol.frames(out, ControlProtocol.OUT),
                                    ControlProtocol.frames(out, ControlProtocol.ERR));
                            session.variable(OWNER_VARIABLE, owner);
                        }
                        ControlProtocol.writeResult(out, runScript(session, request.text(), out));
                    }
                    case ControlProtocol.STATUS -> ControlProtocol.writeResult(out, status(out));
                    case ControlProtocol.STOP -> {
                        ControlProtocol.writeResult(out, GogoSession.OK);
                        LOG.info("Stop asked through the control socket");
                        new Thread(stopNode, "congvu-stop").start();
                        return;
                    }
                    default -> {
                        ControlProtocol.writeText(out, ControlProtocol.ERR, "congvu: unknown request '" + (char) request.kind() + "'\n");
                        ControlProtocol.writeResult(out, GogoSession.FAILED);
                        return;
                    }
                }
                idle = watchdog.schedule(() -> closeQuietly(connection), IDLE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.error("A control request failed", e);
            ControlProtocol.writeText(out, ControlProtocol.ERR, "congvu: the node failed to run the request: " + e + "\n");
            ControlProtocol.writeResult(out, GogoSession.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            idle.cancel(false);
            if (session != null) {
                session.close();
            }
        }
    }

    /** One request from the client. */
    private record Request(byte kind, String text) {
    }

    /**
     * Reads the client's requests into the queue; a cancel is done at once, and so is the client's going away
     * (Ctrl-C kills an {@code exec}): the work that this connection started stops, storing nothing.
     */
    private void readRequests(DataInputStream in, DataOutputStream out, BlockingQueue<Request> requests, String owner) {
        try {
            while (true) {
                byte kind = in.readByte();
                String text = new String(ControlProtocol.readBytes(in, ControlProtocol.MAX_REQUEST_BYTES), StandardCharsets.UTF_8);
                if (kind == ControlProtocol.CANCEL) {
                    LOG.info("Cancel asked through the control socket by {}", owner);
                    if (WorkCancel.ownedBy(context, owner) == 0) {
                        ControlProtocol.writeText(out, ControlProtocol.ERR, "congvu: this command has nothing to cancel "
                                + "(it imports or evaluates nothing); it goes on in the node. Ctrl-C again leaves at once\n");
                    }
                } else {
                    requests.put(new Request(kind, text));
                }
            }
        } catch (IOException e) {
            WorkCancel.ownedBy(context, owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("An idle control connection did not close: {}", e.getMessage());
        }
    }

    private int runScript(GogoSession session, String script, DataOutputStream out)
            throws IOException, InterruptedException, ReflectiveOperationException {
        ReadinessWait.Wait wait = ReadinessWait.await(context, script, ReadinessWait.READY_TIMEOUT_MILLIS);
        if (!wait.canRun()) {
            ControlProtocol.writeText(out, ControlProtocol.ERR, NotReady.text(home, wait.lines()));
            return GogoSession.FAILED;
        }
        if (!wait.problems().isEmpty()) {
            ControlProtocol.writeText(out, ControlProtocol.ERR, NotReady.warning(home, wait.problems()));
        }
        return session.run(script);
    }

    private int status(DataOutputStream out) throws IOException {
        List<String> problems = HealthProbe.problemsOrAbsent(context);
        if (problems.isEmpty()) {
            ControlProtocol.writeText(out, ControlProtocol.OUT, "ready\n");
            return GogoSession.OK;
        }
        ControlProtocol.writeText(out, ControlProtocol.ERR, NotReady.text(home, problems));
        return GogoSession.FAILED;
    }

    /** Stops listening and removes the socket. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("The control socket did not close cleanly: {}", e.getMessage());
        }
    }
}
