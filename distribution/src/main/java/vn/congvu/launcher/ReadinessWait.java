package vn.congvu.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Waits until a node is ready for a script: every rule bundle in {@code deploy/} active, every congvu command
 * the script names registered, and the node's health check satisfied. Woken by the framework's bundle and
 * service events, and every 50 ms for the settings files. A node whose health problems stay the
 * same for {@link #SETTLE_MILLIS} after start-up is not going to become ready by waiting: its problems are
 * the answer.
 */
final class ReadinessWait {

    /** How long the same health problems must last before they are taken as the answer. */
    static final long SETTLE_MILLIS = 5_000;
    private static final Pattern CONGVU_COMMAND = Pattern.compile("congvu:([a-zA-Z-]+)");
    private static final long LOOK_MILLIS = 50;

    private ReadinessWait() {
    }

    /**
     * @param commands the script to be run, for the commands it names; empty for readiness alone
     * @return why the node is not ready (file and key, part, or what is missing); empty when it is ready
     */
    static List<String> await(BundleContext context, Path home, String commands, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
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
            List<String> lastProblems = null;
            long sameSince = System.nanoTime();
            synchronized (changed) {
                while (true) {
                    List<String> missing = missing(context, home, functions);
                    List<String> problems = HealthProbe.problemsOrAbsent(context);
                    if (missing.isEmpty() && problems.isEmpty()) {
                        return List.of();
                    }
                    if (!problems.equals(lastProblems)) {
                        lastProblems = problems;
                        sameSince = System.nanoTime();
                    }
                    long now = System.nanoTime();
                    boolean settled = !problems.isEmpty() && now - sameSince >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
                    if (settled || now >= deadline) {
                        List<String> all = new ArrayList<>(problems);
                        missing.forEach(what -> all.add(what + ": not ready after " + TimeUnit.NANOSECONDS.toSeconds(
                                now - deadline + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) + " s (see log/congvu.log)"));
                        return all;
                    }
                    changed.wait(LOOK_MILLIS);
                }
            }
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
        }
    }

    private static void wake(Object changed) {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static List<String> missing(BundleContext context, Path home, Set<String> functions) {
        List<String> missing = new ArrayList<>();
        for (Path jar : deployedJars(home)) {
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

    private static List<Path> deployedJars(Path home) {
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
}
