package vn.congvu.logging.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every OSGi log entry of level warning or worse to SLF4J, under the logger name
 * {@code osgi.<bundle symbolic name>}. Declarative Services reports a component that fails to activate
 * only through the OSGi log; without this an operator would never see why.
 */
@Component(immediate = true)
public class OsgiLogForwarder implements LogListener {

    private final LogReaderService reader;

    /** @param reader the OSGi log */
    @Activate
    public OsgiLogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    /** Stops listening. */
    @Deactivate
    public void close() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Logger logger = LoggerFactory.getLogger("osgi." + (entry.getBundle() == null ? "framework"
                : entry.getBundle().getSymbolicName()));
        String message = entry.getMessage() + rootCause(entry.getException());
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error("{}", message, entry.getException());
            case WARN -> logger.warn("{}", message, entry.getException());
            default -> logger.debug("{}", message, entry.getException());
        }
    }

    /**
     * The innermost cause's message, so that the one line the console shows says why ("The activate method has
     * thrown an exception: port = 7443 is in use ...") while the log file keeps the whole stack trace.
     */
    private static String rootCause(Throwable exception) {
        if (exception == null) {
            return "";
        }
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
}
