package vn.congvu.launcher;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts one congvu node: a Felix framework over a node home ({@code etc/} for configuration,
 * {@code deploy/} for rule bundles, {@code data/}, {@code log/}), with the platform bundles of the
 * distribution. The node's {@code etc/*.cfg} files decide whether it is a province or the ministry.
 *
 * <pre>
 * run  HOME            run until stopped (SIGTERM or Ctrl-C stop it cleanly)
 * exec HOME COMMANDS   start, run Gogo commands (such as "congvu:file 2022 120"), stop;
 *                      the exit code is 0 only if every command succeeded
 * </pre>
 */
public final class NodeLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLauncher.class);
    private static final Pattern CONGVU_COMMAND = Pattern.compile("congvu:([a-zA-Z-]+)");
    private static final long READY_TIMEOUT_MILLIS = 120_000;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private final Path distribution;
    private final Path home;

    private NodeLauncher(Path distribution, Path home) {
        this.distribution = distribution;
        this.home = home;
    }

    /**
     * @param args {@code run HOME} or {@code exec HOME COMMANDS...}
     */
    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("run") || args[0].equals("exec") && args.length >= 3)) {
            System.err.println("usage: congvu run HOME | congvu exec HOME \"COMMANDS\"");
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
            exitCode = args[0].equals("run") ? launcher.run()
                    : launcher.exec(String.join(" ", List.of(args).subList(2, args.length)));
        } catch (Exception e) {
            LOG.error("The node at {} failed to start", home, e);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private int run() throws Exception {
        Framework framework = start(System.console() != null);
        // SIGTERM (service managers, bin/congvu stop) and Ctrl-C stop the node cleanly and exit 0;
        // the hook covers any other way the JVM is asked to exit
        Runnable stopper = () -> stop(framework);
        for (String signal : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> new Thread(stopper, "congvu-stop").start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stopper, "congvu-shutdown"));
        Thread readiness = new Thread(() -> {
            try {
                awaitReady(framework.getBundleContext(), "");
                LOG.info("Node {} ready: every rule bundle in deploy/ serves", home);
            } catch (InterruptedException | IllegalStateException e) {
                LOG.warn("Node {} not ready: {}", home, e.getMessage());
            }
        }, "congvu-readiness");
        readiness.setDaemon(true);
        readiness.start();
        framework.waitForStop(0);
        LOG.info("Node {} stopped", home);
        return 0;
    }

    private int exec(String commands) throws Exception {
        Framework framework = start(false);
        try {
            awaitReady(framework.getBundleContext(), commands);
            return runCommands(framework.getBundleContext(), commands);
        } finally {
            stop(framework);
        }
    }

    private Framework start(boolean interactive) throws IOException, BundleException {
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("data/node.pid"), Long.toString(ProcessHandle.current().pid()));
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, home.resolve("data/felix-cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Logback and SLF4J live on the launcher's class path; bundles see SLF4J through the system bundle.
        String slf4j = ";version=" + System.getProperty("congvu.slf4j.version", "2.0.17");
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j" + slf4j, "org.slf4j.spi" + slf4j, "org.slf4j.event" + slf4j, "org.slf4j.helpers" + slf4j,
                "sun.misc"));
        properties.put("congvu.home", home.toString());
        // FileInstall watches etc/; deploy/ belongs to vn.congvu.modules, which swaps rule bundles in place
        // and installs a new version beside the old one, even of the same version number.
        properties.put("org.osgi.framework.bsnversion", "multiple");
        properties.put("felix.fileinstall.dir", home.resolve("etc").toString());
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.log.level", "2");
        // etc/ belongs to the operator: never write configuration back into the .cfg files
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // Declarative Services reports through the OSGi log, which vn.congvu.logging forwards to Logback
        properties.put("ds.loglevel", "warn");
        properties.put("gosh.args", interactive ? "--noshutdown" : "--nointeractive");
        properties.put("gosh.home", home.toString());

        Framework framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        // no remote shell in a node: the hooks are in place before any bundle starts, including the bundles
        // that restart with the framework because an earlier run had started them
        NoRemoteShell.register(context);
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(distribution.resolve("bundle"))) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        framework.start();
        List<String> failed = new ArrayList<>();
        for (Bundle bundle : installed) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    LOG.error("Platform bundle {} did not start: {}", bundle.getSymbolicName(), e.getMessage());
                    failed.add(bundle.getSymbolicName());
                }
            }
        }
        if (!failed.isEmpty()) {
            stop(framework);
            throw new IllegalStateException("platform bundles did not start: " + failed + " (see the errors above)");
        }
        LOG.info("Node {} started ({} platform bundles)", home, installed.size());
        return framework;
    }

    /**
     * Waits until the rule bundles in deploy/ are active and every congvu command the script names is
     * registered, so that a script never races the node's own start-up. Woken by the framework's bundle and
     * service events, not by polling.
     */
    private void awaitReady(BundleContext context, String commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        Set<String> functions = new LinkedHashSet<>();
        Matcher matcher = CONGVU_COMMAND.matcher(commands);
        while (matcher.find()) {
            functions.add(matcher.group(1));
        }
        Object changed = new Object();
        BundleListener bundles = event -> wake(changed);
        ServiceListener services = event -> wake(changed);
        context.addBundleListener(bundles);
        context.addServiceListener(services);
        try {
            synchronized (changed) {
                List<String> missing = missing(context, functions);
                while (!missing.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("the node is not ready after " + READY_TIMEOUT_MILLIS / 1000
                                + " s; still missing: " + missing + " (is this the right node for these commands? see log/congvu.log)");
                    }
                    changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    missing = missing(context, functions);
                }
            }
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
        }
    }

    private List<String> missing(BundleContext context, Set<String> functions) {
        List<String> missing = new ArrayList<>();
        for (Path jar : deployedJars()) {
            if (!active(context, jar)) {
                missing.add("deploy/" + jar.getFileName());
            }
        }
        for (String function : functions) {
            if (!commandRegistered(context, function)) {
                missing.add("congvu:" + function);
            }
        }
        return missing;
    }

    private static void wake(Object changed) {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private List<Path> deployedJars() {
        File[] jars = home.resolve("deploy").toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        return jars == null ? List.of() : Stream.of(jars).map(File::toPath).toList();
    }

    /** Whether a bundle of the jar's symbolic name and version is active (a refused jar leaves deploy/). */
    private static boolean active(BundleContext context, Path jar) {
        Attributes manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
        } catch (IOException e) {
            return !Files.exists(jar); // moved away (refused) while it was read
        }
        if (manifest == null || manifest.getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
            return false;
        }
        String symbolicName = manifest.getValue(Constants.BUNDLE_SYMBOLICNAME).split(";")[0].trim();
        Version version = Version.parseVersion(manifest.getValue(Constants.BUNDLE_VERSION));
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())
                    && bundle.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private static boolean commandRegistered(BundleContext context, String function) {
        try {
            ServiceReference<?>[] found = context.getServiceReferences((String) null,
                    "(&(osgi.command.scope=congvu)(osgi.command.function=" + function + "))");
            return found != null && found.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a command name: " + function, e);
        }
    }

    /**
     * Runs the commands in a Gogo session. Gogo's API lives in its runtime bundle, not on this class
     * path, so it is called through its public interface by reflection.
     */
    private static int runCommands(BundleContext context, String commands) throws Exception {
        ServiceReference<?> reference = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
        if (reference == null) {
            throw new IllegalStateException("the Gogo runtime is not running");
        }
        Object processor = context.getService(reference);
        ClassLoader gogo = processor.getClass().getClassLoader();
        Class<?> processorType = gogo.loadClass("org.apache.felix.service.command.CommandProcessor");
        Class<?> sessionType = gogo.loadClass("org.apache.felix.service.command.CommandSession");
        // the process's own descriptors: Gogo replaces System.out with a stream that writes to the session
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Object session = processorType.getMethod("createSession", InputStream.class, OutputStream.class,
                OutputStream.class).invoke(processor, InputStream.nullInputStream(), out, err);
        Method execute = sessionType.getMethod("execute", CharSequence.class);
        try {
            // one at a time, so that every command's result is shown and the first failure stops the rest
            for (String command : splitCommands(commands)) {
                Object result = execute.invoke(session, command);
                if (result instanceof CharSequence text) {
                    out.println(text);
                } else if (result != null) {
                    // as the interactive shell shows it (Converter.INSPECT)
                    out.println(sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0));
                }
            }
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            LOG.debug("Command failed: {}", commands, cause);
            return 1;
        } finally {
            sessionType.getMethod("close").invoke(session);
            context.ungetService(reference);
        }
    }

    /** Splits a script at the semicolons that stand outside quotes. */
    static List<String> splitCommands(String commands) {
        List<String> split = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        char quote = 0;
        for (char c : commands.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ';') {
                split.add(command.toString().trim());
                command.setLength(0);
                continue;
            }
            command.append(c);
        }
        split.add(command.toString().trim());
        split.removeIf(String::isEmpty);
        return split;
    }

    private void stop(Framework framework) {
        try {
            if (framework.getState() == Bundle.ACTIVE || framework.getState() == Bundle.STARTING) {
                LOG.info("Stopping node {}", home);
                framework.stop();
            }
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
            Files.deleteIfExists(home.resolve("data/node.pid"));
        } catch (BundleException | IOException e) {
            LOG.error("The node at {} did not stop cleanly", home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
