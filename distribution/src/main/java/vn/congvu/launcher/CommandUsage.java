package vn.congvu.launcher;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The usage of a congvu command, from the {@code @Descriptor} annotations of its methods: one line per way to
 * call it ({@code congvu:file PERIOD [SECONDS]} becomes two lines), what it does, and what each argument is.
 * A parameter's descriptor starts with its name ({@code "PERIOD: 2022, 2022-H1, ..."}).
 */
final class CommandUsage {

    private static final String DESCRIPTOR = "org.apache.felix.service.command.Descriptor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private CommandUsage() {
    }

    /** @return the usage lines of {@code scope:function}, or a line saying there is no such command */
    static String of(BundleContext context, String command) {
        String[] parts = command.contains(":") ? command.split(":", 2) : new String[] {"congvu", command};
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null,
                    "(&(osgi.command.scope=" + parts[0] + ")(osgi.command.function=" + parts[1] + "))");
        } catch (InvalidSyntaxException e) {
            references = null;
        }
        if (references == null || references.length == 0) {
            return "  no command " + command + " on this node ('help' lists them)";
        }
        Object commands = context.getService(references[0]);
        if (commands == null) {
            return "  " + command + " is not available: this node is not ready (bin/congvu status)";
        }
        try {
            StringBuilder usage = new StringBuilder();
            List<String> arguments = new ArrayList<>();
            List<Method> methods = java.util.Arrays.stream(commands.getClass().getMethods())
                    .filter(method -> method.getName().equals(parts[1]))
                    .sorted(java.util.Comparator.comparingInt(Method::getParameterCount)).toList();
            for (Method method : methods) {
                StringBuilder line = new StringBuilder("  ").append(parts[0]).append(':').append(parts[1]);
                Annotation[][] parameters = method.getParameterAnnotations();
                for (int i = 0; i < parameters.length; i++) {
                    if (method.getParameterTypes()[i].getName().equals(SESSION)) {
                        continue; // Gogo passes the session itself; the caller does not type it
                    }
                    String described = descriptor(parameters[i]);
                    String name = described.contains(":") ? described.substring(0, described.indexOf(':')) : "ARG";
                    line.append(' ').append(name);
                    if (!described.isEmpty() && !arguments.contains(described)) {
                        arguments.add(described);
                    }
                }
                String what = descriptor(method.getAnnotations());
                usage.append(line).append(what.isEmpty() ? "" : "   " + what).append('\n');
            }
            arguments.forEach(argument -> usage.append("    ").append(argument).append('\n'));
            return usage.toString().stripTrailing();
        } finally {
            context.ungetService(references[0]);
        }
    }

    private static String descriptor(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(DESCRIPTOR)) {
                try {
                    return String.valueOf(annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
