package vn.congvu.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * Waits until a node is ready for a script: the node's health check satisfied (its settings, its parts, the rule
 * bundles in {@code deploy/}) and every congvu command the script names registered. Woken by the framework's bundle and
 * service events, and every 50 ms for the settings files. A node whose health problems stay the
 * same for {@link #SETTLE_MILLIS} after start-up is not going to become ready by waiting: its problems are
 * the answer.
 */
final class ReadinessWait {

    /** How long a node may take to be ready for a script before the script is refused. */
    static final long READY_TIMEOUT_MILLIS = 120_000;
    /** How long the same health problems must last before they are taken as the answer. */
    static final long SETTLE_MILLIS = 5_000;
    private static final Pattern CONGVU_COMMAND = Pattern.compile("congvu:([a-zA-Z-]+)");
    private static final long LOOK_MILLIS = 50;

    private ReadinessWait() {
    }

    /**
     * @param commands the script to be run, for the commands it names; empty for readiness alone
     * @return why the node is not ready (file and key, part), and the commands it lacks; both empty when it is ready
     */
    static Wait await(BundleContext context, String commands, long timeoutMillis) throws InterruptedException {
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
                    List<String> missing = missing(context, functions);
                    List<String> problems = HealthProbe.problemsOrAbsent(context);
                    if (missing.isEmpty() && problems.isEmpty()) {
                        return new Wait(List.of(), List.of());
                    }
                    List<String> state = new ArrayList<>(problems);
                    state.addAll(missing);
                    if (!state.equals(lastProblems)) {
                        lastProblems = state;
                        sameSince = System.nanoTime();
                    }
                    long now = System.nanoTime();
                    boolean settled = now - sameSince >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
                    if (settled && problems.isEmpty()) {
                        // a ready node without the command: it is not this node's (a ministry command on a province)
                        return new Wait(problems, missing.stream()
                                .map(what -> what + ": no such command on this node ('help' lists them)").toList());
                    }
                    if (settled || now >= deadline) {
                        return new Wait(problems, missing.stream().map(what -> what + ": not available (see log/congvu.log)").toList());
                    }
                    changed.wait(LOOK_MILLIS);
                }
            }
        } finally {
            context.removeServiceListener(services);
            context.removeBundleListener(bundles);
        }
    }

    /**
     * What waiting found.
     *
     * @param problems        why the node is not ready; empty when it is
     * @param missingCommands the script's congvu commands the node lacks, each with why; empty when it has them all
     */
    record Wait(List<String> problems, List<String> missingCommands) {

        /** @return the script can run: every command it names is there (the node may still not be ready) */
        boolean canRun() {
            return missingCommands.isEmpty();
        }

        /** @return every line: the problems, then the missing commands */
        List<String> lines() {
            List<String> lines = new ArrayList<>(problems);
            lines.addAll(missingCommands);
            return lines;
        }
    }

    private static void wake(Object changed) {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private static List<String> missing(BundleContext context, Set<String> functions) {
        List<String> missing = new ArrayList<>();
        for (String function : functions) {
            if (!commandRegistered(context, function)) {
                missing.add("congvu:" + function);
            }
        }
        return missing;
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
