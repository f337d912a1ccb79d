package vn.congvu.health.internal;

/**
 * The operator's line in the failure Declarative Services keeps of a component that did not start: the
 * message of the deepest cause (where the component said what is wrong), without exception class names or
 * stack frames.
 */
final class FailureText {

    private static final java.util.List<String> WRAPPERS = java.util.List.of("org.osgi.service.component.ComponentException",
            "java.lang.reflect.InvocationTargetException", "org.osgi.framework.ServiceException",
            "java.lang.reflect.UndeclaredThrowableException");

    private FailureText() {
    }

    /**
     * @param failure the failure as Declarative Services keeps it (a stack trace), or null
     * @return the innermost cause's message, or a pointer to the log when there is none
     */
    static String of(String failure) {
        if (failure == null || failure.isBlank()) {
            return "did not start (see log/congvu.log)";
        }
        // the first exception in the chain that is not a wrapper of Declarative Services or reflection: where
        // the component said what is wrong ("port = 7443: the ministry cannot listen ..."), not the bind
        // exception under it
        String line = null;
        for (String candidate : (Iterable<String>) failure.lines()::iterator) {
            String exception = candidate.startsWith("Caused by: ") ? candidate.substring("Caused by: ".length()) : candidate;
            if ((candidate == failure.lines().findFirst().orElse(null) || candidate.startsWith("Caused by: "))
                    && WRAPPERS.stream().noneMatch(exception::startsWith)) {
                line = exception;
                break;
            }
        }
        if (line == null) {
            line = failure.lines().findFirst().orElse("");
        }
        // "java.lang.IllegalArgumentException: port = 7443 ..." -> "port = 7443 ..."
        String message = line.replaceFirst("^([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: )?", "").trim();
        return message.isEmpty() ? "did not start: " + line.trim() + " (see log/congvu.log)" : message;
    }
}
