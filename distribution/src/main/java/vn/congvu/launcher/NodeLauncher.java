package vn.congvu.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts, drives and stops one congvu node: a Felix framework over a node home ({@code etc/} for settings,
 * {@code deploy/} for rule bundles, {@code data/}, {@code log/}) with the platform bundles of the distribution.
 * The node's {@code etc/*.cfg} files decide whether it is a province or the ministry.
 *
 * <pre>
 * run    HOME            run until stopped (SIGTERM, Ctrl-C or stop); commands reach it through its control socket
 * exec   HOME COMMANDS   run Gogo commands (such as "congvu:file 2022 120") in the running node, or, when none
 *                        runs, start one for them and stop it after; exit code 0 only if every command succeeded
 * shell  HOME            an interactive shell in the running node
 * status HOME            "ready" (exit 0), or why not (exit 1); exit 3 when no node runs
 * stop   HOME            stop the running node cleanly
 * </pre>
 */
public final class NodeLauncher {

    /** The exit code of status, stop and shell when no node runs in the home (as in LSB init scripts). */
    static final int NOT_RUNNING = 3;
    private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);
    private static final long WATCH_MILLIS = 2_000;
    private static final long CONNECT_PATIENCE_MILLIS = 30_000;
    private static final List<String> COMMANDS = List.of("run", "exec", "shell", "status", "stop");

    private final Path home;
    private final NodeFramework frameworks;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private NodeLauncher(Path distribution, Path home) {
        this.home = home;
        this.frameworks = new NodeFramework(distribution, home);
    }

    /**
     * @param args {@code run|shell|status|stop HOME} or {@code exec HOME COMMANDS...}
     */
    public static void main(String[] args) {
        if (args.length < 2 || !COMMANDS.contains(args[0]) || args[0].equals("exec") && args.length < 3) {
            System.err.println("usage: congvu run|shell|status|stop HOME | congvu exec HOME \"COMMANDS\"");
            System.exit(2);
        }
        Path distribution = Path.of(System.getProperty("congvu.distribution", ".")).toAbsolutePath().normalize();
        Path home = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("etc"))) {
            System.err.println("congvu: " + home + " is not a node home: it has no etc/ folder of .cfg files");
            System.exit(2);
        }
        // grpc-java and Netty log through java.util.logging, whose default handler prints to the console
        // only: route it into the node's log, so that their warnings and stack traces are in log/congvu.log
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        NodeLauncher launcher = new NodeLauncher(distribution, home);
        int exitCode;
        try {
            exitCode = switch (args[0]) {
                case "run" -> launcher.run();
                case "exec" -> launcher.exec(String.join(" ", List.of(args).subList(2, args.length)));
                case "shell" -> launcher.shell();
                case "status" -> launcher.status();
                default -> launcher.stop();
            };
        } catch (Exception e) {
            boolean refused = e instanceof NotTheOwner;
            if (!refused && (args[0].equals("run") || args[0].equals("exec"))) {
                LOG.error("congvu {} {} failed", args[0], home, e); // into the node's log, with the stack trace
            } else {
                LOG.debug("congvu {} {} failed", args[0], home, e); // its message says it all
            }
            System.err.println("congvu: " + args[0] + " " + home + " failed: " + e.getMessage());
            exitCode = refused ? ControlProtocol.REFUSED : 1;
        }
        System.exit(exitCode);
    }

    private int run() throws Exception {
        Optional<NodeLock> lock = takeWithPatience();
        if (lock.isEmpty()) {
            return alreadyRunning();
        }
        try (NodeLock held = lock.get()) {
            Framework framework = frameworks.start(System.console() != null);
            ControlServer control = ControlServer.start(home, framework.getBundleContext(), () -> frameworks.stop(framework));
            // SIGTERM (service managers, bin/congvu stop) and Ctrl-C stop the node cleanly and exit 0;
            // the hook covers any other way the JVM is asked to exit
            Runnable stopper = () -> {
                control.close();
                frameworks.stop(framework);
            };
            for (String signal : List.of("TERM", "INT")) {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> new Thread(stopper, "congvu-stop").start());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopper, "congvu-shutdown"));
            Thread readiness = new Thread(() -> watchReadiness(framework), "congvu-readiness");
            readiness.setDaemon(true);
            readiness.start();
            framework.waitForStop(0);
            control.close();
            LOG.info("Node {} stopped", home);
        }
        return 0;
    }

    /** Says "ready" once the node is, or what is missing; and again whenever that changes (a settings file edited). */
    private void watchReadiness(Framework framework) {
        try {
            List<String> said = ReadinessWait.await(framework.getBundleContext(), "", ReadinessWait.READY_TIMEOUT_MILLIS).problems();
            sayReadiness(said);
            List<String> seen = said;
            while (framework.getState() == Framework.ACTIVE) {
                // a look every 2 s, not an event: an edited etc/ file is reported before FileInstall delivers it,
                // and a file it cannot deliver (a wrong key) gives no event at all
                Thread.sleep(WATCH_MILLIS);
                List<String> now = HealthProbe.problemsOrAbsent(framework.getBundleContext());
                // said once it is seen twice: a settings file being saved passes through states not worth a page
                if (now.equals(seen) && !now.equals(said) && framework.getState() == Framework.ACTIVE) {
                    said = now;
                    sayReadiness(said);
                }
                seen = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("The node stopped while its readiness was watched: {}", e.getMessage());
        }
    }

    private void sayReadiness(List<String> problems) {
        if (problems.isEmpty()) {
            LOG.info("Node {} ready: its settings are right, every part runs and every rule bundle in deploy/ serves", home);
        } else {
            LOG.error("Node {} NOT READY ({} problem{}; 'bin/congvu status {}' says the same):", home, problems.size(),
                    problems.size() == 1 ? "" : "s", home);
            problems.forEach(problem -> LOG.error("  {}", problem));
        }
    }

    private int exec(String commands) throws Exception {
        Optional<NodeLock> lock = NodeLock.take(home);
        if (lock.isEmpty()) {
            Optional<ControlClient> client = connectToRunning();
            if (client.isEmpty()) {
                return alreadyRunning();
            }
            try (ControlClient running = client.get()) {
                return running.request(ControlProtocol.SCRIPT, commands, out, err);
            }
        }
        try (NodeLock held = lock.get()) {
            Framework framework = frameworks.start(false);
            // SIGTERM or Ctrl-C while the commands run: stop the node cleanly, as run does
            Thread stopper = new Thread(() -> frameworks.stop(framework), "congvu-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                ReadinessWait.Wait wait = ReadinessWait.await(framework.getBundleContext(), commands, ReadinessWait.READY_TIMEOUT_MILLIS);
                if (!wait.canRun()) {
                    err.print(NotReady.text(home, wait.lines()));
                    return GogoSession.FAILED;
                }
                if (!wait.problems().isEmpty()) {
                    err.print(NotReady.warning(home, wait.problems()));
                }
                try (GogoSession session = new GogoSession(framework.getBundleContext(), out, err)) {
                    return session.run(commands);
                }
            } finally {
                frameworks.stop(framework);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it stops the same framework, which is stopped already
                }
            }
        }
    }

    private int shell() throws IOException, InterruptedException {
        Optional<ControlClient> client = connectToRunning();
        if (client.isEmpty()) {
            err.println("congvu: no node runs in " + home + "; start it with 'bin/congvu run " + home
                    + "' (or use exec, which starts one for its commands)");
            return NOT_RUNNING;
        }
        try (ControlClient running = client.get()) {
            return running.shell(out, err);
        }
    }

    private int status() throws IOException, InterruptedException {
        Optional<ControlClient> client = connectToRunning();
        if (client.isEmpty()) {
            err.println("not running: no node runs in " + home);
            return NOT_RUNNING;
        }
        try (ControlClient running = client.get()) {
            return running.request(ControlProtocol.STATUS, "", out, err);
        }
    }

    private int stop() throws IOException, InterruptedException {
        Optional<ControlClient> client = connectToRunning();
        long pid;
        if (client.isPresent()) {
            try (ControlClient running = client.get()) {
                pid = running.pid();
                int asked = running.request(ControlProtocol.STOP, "", out, err);
                if (asked != GogoSession.OK) {
                    return asked;
                }
            }
        } else {
            Optional<Long> holder = NodeLock.holder(home);
            if (holder.isEmpty()) {
                err.println("congvu: no node runs in " + home);
                return NOT_RUNNING;
            }
            pid = holder.get(); // a node that holds the home but does not answer: ask its process to stop
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return 0;
        }
        try {
            process.get().onExit().get(60, TimeUnit.SECONDS);
            return 0;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            err.println("congvu: node " + pid + " in " + home + " did not stop within 60 s");
            return 1;
        }
    }

    /**
     * @return a connection to the node that runs in the home; waits while a node holds the home but has not
     *         opened its control socket yet (it is starting)
     */
    private Optional<ControlClient> connectToRunning() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_PATIENCE_MILLIS);
        while (true) {
            Optional<ControlClient> client = ControlClient.connect(home);
            if (client.isPresent() || NodeLock.holder(home).isEmpty() || System.nanoTime() > deadline) {
                return client;
            }
            Thread.sleep(100); // another process's socket appearing: no event crosses processes; bounded above
        }
    }

    /** A home held a moment ago may be let go by an exec that is finishing: wait a little before refusing. */
    private Optional<NodeLock> takeWithPatience() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Optional<NodeLock> lock = NodeLock.take(home);
        while (lock.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100); // another process's socket appearing: no event crosses processes; bounded above
            lock = NodeLock.take(home);
        }
        return lock;
    }

    private int alreadyRunning() {
        Optional<Long> holder = NodeLock.holder(home);
        err.println("congvu: " + home + " is held by " + holder.map(pid -> "process " + pid).orElse("another process")
                + ": a node that runs there (its control socket does not answer yet; try again, or see "
                + home.resolve("log/congvu.log") + "), or an exec running its commands (wait for it to end)");
        return 1;
    }
}
