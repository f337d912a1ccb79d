package vn.congvu.launcher;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Gogo's remote shell out of a node.
 *
 * <p>Why: {@code org.apache.felix.gogo.shell} (1.1.x) registers, whenever a command processor appears and
 * with no property to turn it off, a {@code gogo:telnetd} command service
 * ({@code org.apache.felix.gogo.shell.Telnet}) whose {@code telnetd start} serves a full Gogo shell over
 * plain telnet with no login: whoever reaches the port owns the node (its keys, its store, its bundles). A
 * node keeps its console and {@code congvu exec}, but has no remote shell.
 *
 * <p>How: the launcher, as the framework's embedder, registers this object on the system bundle before
 * any bundle starts, as a {@link FindHook} and an {@link EventListenerHook} that hide that service from
 * every bundle. Gogo's runtime learns of commands through a {@code ServiceTracker} (service lookups and
 * service events, both filtered here), so the command is never added to Gogo and {@code telnetd} is an
 * unknown command, whatever the order in which bundles start or restart. Any command service that offers
 * a function named {@code telnetd} (Gogo lowercases command names) is hidden the same way. The framework
 * never hides services from the system bundle itself; that context is the launcher's alone.
 */
final class NoRemoteShell implements FindHook, EventListenerHook {

    static final String TELNET_CLASS = "org.apache.felix.gogo.shell.Telnet";
    static final String TELNET_FUNCTION = "telnetd";
    private static final String COMMAND_FUNCTION = "osgi.command.function";
    private static final Logger LOG = LoggerFactory.getLogger(NoRemoteShell.class);

    /** Registers the hooks on the framework's own (system bundle) context; call before bundles start. */
    static ServiceRegistration<?> register(BundleContext systemBundleContext) {
        return systemBundleContext.registerService(
                new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, new NoRemoteShell(), null);
    }

    /** Whether the service is Gogo's remote shell: the Telnet class, or a command function named telnetd. */
    static boolean hidden(ServiceReference<?> reference) {
        if (values(reference.getProperty(Constants.OBJECTCLASS)).contains(TELNET_CLASS)) {
            return true;
        }
        return values(reference.getProperty(COMMAND_FUNCTION)).stream()
                .anyMatch(function -> TELNET_FUNCTION.equalsIgnoreCase(function.trim()));
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(NoRemoteShell::hidden);
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (hidden(event.getServiceReference())) {
            listeners.clear();
            if (event.getType() == ServiceEvent.REGISTERED) {
                LOG.debug("Gogo's remote shell (telnetd, service {}) hidden from every bundle: a node has none",
                        event.getServiceReference().getProperty(Constants.SERVICE_ID));
            }
        }
    }

    private static List<String> values(Object property) {
        if (property instanceof String text) {
            return List.of(text);
        }
        if (property instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        if (property instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
