package vn.congvu.launcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gogo session writing to given streams: the process's own for {@code exec} on a stopped node, a control
 * connection's for {@code exec} and {@code shell} on a running one, so both print the same and end with the
 * same exit code. Gogo's API lives in its runtime bundle, not on this class path, so it is called through
 * its public interfaces by reflection.
 */
final class GogoSession implements AutoCloseable {

    /** Every command succeeded. */
    static final int OK = 0;
    /** A command failed; it said why. */
    static final int FAILED = 1;
    /** A command was called with wrong arguments; its usage was shown. */
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(GogoSession.class);

    private final BundleContext context;
    private final ServiceReference<?> reference;
    private final Class<?> sessionType;
    private final Object session;
    private final PrintStream out;
    private final PrintStream err;

    GogoSession(BundleContext context, OutputStream out, OutputStream err) throws ReflectiveOperationException {
        this.context = context;
        this.reference = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
        if (reference == null) {
            throw new IllegalStateException("the Gogo runtime is not running");
        }
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        Object processor = context.getService(reference);
        ClassLoader gogo = processor.getClass().getClassLoader();
        Class<?> processorType = gogo.loadClass("org.apache.felix.service.command.CommandProcessor");
        this.sessionType = gogo.loadClass("org.apache.felix.service.command.CommandSession");
        this.session = processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                .invoke(processor, InputStream.nullInputStream(), this.out, this.err);
    }

    /**
     * Sets a session variable, as {@code name = value} in the shell would.
     *
     * @param name  the variable
     * @param value its value
     */
    void variable(String name, Object value) throws ReflectiveOperationException {
        sessionType.getMethod("put", String.class, Object.class).invoke(session, name, value);
    }

    /**
     * Runs a script's commands one at a time, so that every command's result is shown and the first failure
     * stops the rest.
     *
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    int run(String script) throws ReflectiveOperationException {
        Method execute = sessionType.getMethod("execute", CharSequence.class);
        for (String command : splitCommands(script)) {
            try {
                Object result = execute.invoke(session, command);
                if (result instanceof CharSequence text) {
                    out.println(text);
                } else if (result != null) {
                    // as the interactive shell shows it (Converter.INSPECT)
                    out.println(sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0));
                }
            } catch (InvocationTargetException e) {
                return failed(command, e.getCause());
            }
        }
        return OK;
    }

    private int failed(String command, Throwable cause) throws ReflectiveOperationException {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        String name = command.split("\\s+", 2)[0];
        LOG.debug("Command failed: {}", command, cause);
        if (message.startsWith("Cannot coerce") || message.contains("Cannot find a method") && message.contains(name)) {
            err.println(name + ": wrong arguments; usage:");
            err.println(CommandUsage.of(context, name));
            return USAGE;
        }
        if (message.contains("Object.getClass()")) {
            // Gogo's way of saying the command's component did not start: say why instead
            err.println(name + " cannot run: this node is not ready");
            HealthProbe.problemsOrAbsent(context).forEach(line -> err.println("  " + line));
            return FAILED;
        }
        err.println(message);
        return FAILED;
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

    @Override
    public void close() {
        try {
            sessionType.getMethod("close").invoke(session);
        } catch (ReflectiveOperationException e) {
            LOG.debug("The Gogo session did not close", e);
        } finally {
            context.ungetService(reference);
        }
    }
}
