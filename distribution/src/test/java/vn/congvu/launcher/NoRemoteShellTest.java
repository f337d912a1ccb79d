package vn.congvu.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The hooks in a real Felix framework, as the launcher installs them: one bundle registers command services
 * as gogo.shell does (the Telnet class with function telnetd, and ordinary commands), another watches them
 * as gogo.runtime does (a ServiceTracker on every service with a command scope and function, opened before
 * and after the registrations). The same scenario without the hooks is the control: there the watcher sees
 * the remote shell, so the scenario would catch hooks that do nothing.
 */
class NoRemoteShellTest {

    /** gogo.runtime's command tracker filter (org.apache.felix.gogo.runtime.activator.Activator) */
    private static final String COMMANDS = "(&(osgi.command.scope=*)(osgi.command.function=*))";

    @TempDir
    Path storage;

    @Test
    void withTheHooks_noBundleFindsOrHearsOfTheRemoteShell_otherCommandsStayVisible() throws Exception {
        Seen seen = scenario(true);
        assertEquals(List.of("gogo:cat,echo,grep", "gogo:gosh,sh,source"), seen.trackedBefore());
        assertEquals(List.of("gogo:cat,echo,grep", "gogo:gosh,sh,source"), seen.trackedAfter());
        assertEquals(List.of("REGISTERED gogo:cat,echo,grep", "REGISTERED gogo:gosh,sh,source",
                "UNREGISTERING gogo:cat,echo,grep"), seen.events());
        assertNull(seen.telnetByClass());
        assertNull(seen.telnetByClassAll());
        assertNull(seen.telnetdByFunction());
        // the framework never hides a service from the system bundle: the launcher's own view is whole
        assertNotNull(seen.telnetBySystemBundle());
    }

    @Test
    void control_withoutTheHooks_theSameBundleSeesTheRemoteShell() throws Exception {
        Seen seen = scenario(false);
        List<String> all = List.of("gogo:cat,echo,grep", "gogo:gosh,sh,source", "gogo:telnetd", "other:TelnetD");
        assertEquals(all, seen.trackedBefore());
        assertEquals(all, seen.trackedAfter());
        assertNotNull(seen.telnetByClass());
        assertNotNull(seen.telnetByClassAll());
        assertNotNull(seen.telnetdByFunction());
        assertEquals(List.of("REGISTERED gogo:cat,echo,grep", "REGISTERED gogo:gosh,sh,source",
                "REGISTERED gogo:telnetd", "REGISTERED other:TelnetD", "UNREGISTERING gogo:telnetd",
                "UNREGISTERING gogo:cat,echo,grep"), seen.events());
    }

    private record Seen(List<String> trackedBefore, List<String> trackedAfter, List<String> events,
            ServiceReference<?>[] telnetByClass, ServiceReference<?>[] telnetByClassAll,
            ServiceReference<?>[] telnetdByFunction, ServiceReference<?>[] telnetBySystemBundle) {
    }

    private Seen scenario(boolean hooks) throws Exception {
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.resolve(hooks ? "with" : "without").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        try {
            BundleContext system = framework.getBundleContext();
            if (hooks) {
                NoRemoteShell.register(system);
            }
            framework.start();
            BundleContext shell = startedBundle(system, "test.gogo.shell");
            BundleContext runtime = startedBundle(system, "test.gogo.runtime");

            ServiceTracker<Object, Object> before = commandTracker(runtime);
            before.open();
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            runtime.addServiceListener(event -> events.add(type(event) + " " + command(event.getServiceReference())),
                    COMMANDS);

            ServiceRegistration<?> posix = shell.registerService(Object.class.getName(), new Object(),
                    command("gogo", "cat", "echo", "grep"));
            shell.registerService(Object.class.getName(), new Object(), command("gogo", "gosh", "sh", "source"));
            // a factory: the framework then does not ask the object to be of the class it is registered under
            ServiceRegistration<?> telnet = shell.registerService(NoRemoteShell.TELNET_CLASS, new Factory(),
                    command("gogo", "telnetd"));
            shell.registerService(Runnable.class.getName(), (Runnable) () -> { }, command("other", "TelnetD"));

            ServiceTracker<Object, Object> after = commandTracker(runtime);
            after.open();
            List<String> trackedBefore = commands(before);
            List<String> trackedAfter = commands(after);
            ServiceReference<?>[] byClass = runtime.getServiceReferences(NoRemoteShell.TELNET_CLASS, null);
            ServiceReference<?>[] byClassAll = runtime.getAllServiceReferences(NoRemoteShell.TELNET_CLASS, null);
            ServiceReference<?>[] byFunction = runtime.getServiceReferences((String) null,
                    "(osgi.command.function=telnetd)");
            ServiceReference<?>[] bySystemBundle = system.getServiceReferences(NoRemoteShell.TELNET_CLASS, null);
            telnet.unregister();
            posix.unregister();
            return new Seen(trackedBefore, trackedAfter, List.copyOf(events), byClass, byClassAll, byFunction,
                    bySystemBundle);
        } finally {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    /** As gogo.runtime tracks commands: by filter, taking each service only when the command runs. */
    private static ServiceTracker<Object, Object> commandTracker(BundleContext context) throws Exception {
        return new ServiceTracker<>(context, context.createFilter(COMMANDS), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                return reference;
            }
        };
    }

    private static BundleContext startedBundle(BundleContext system, String symbolicName)
            throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        main.putValue(Constants.IMPORT_PACKAGE, "org.osgi.framework");
        Bundle bundle = system.installBundle(symbolicName, new ByteArrayInputStream(jar(manifest)));
        bundle.start();
        return bundle.getBundleContext();
    }

    private static byte[] jar(Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.flush();
        }
        return bytes.toByteArray();
    }

    private static Hashtable<String, Object> command(String scope, String... functions) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", scope);
        properties.put("osgi.command.function", functions.length == 1 ? functions[0] : functions);
        return properties;
    }

    private static List<String> commands(ServiceTracker<Object, Object> tracker) {
        ServiceReference<Object>[] references = tracker.getServiceReferences();
        TreeSet<String> commands = new TreeSet<>();
        for (ServiceReference<Object> reference : references == null ? List.<ServiceReference<Object>>of()
                : List.of(references)) {
            commands.add(command(reference));
        }
        return List.copyOf(commands);
    }

    private static String command(ServiceReference<?> reference) {
        Object functions = reference.getProperty("osgi.command.function");
        return reference.getProperty("osgi.command.scope") + ":"
                + (functions instanceof String[] array ? String.join(",", array) : functions);
    }

    private static String type(ServiceEvent event) {
        return switch (event.getType()) {
            case ServiceEvent.REGISTERED -> "REGISTERED";
            case ServiceEvent.UNREGISTERING -> "UNREGISTERING";
            default -> "MODIFIED";
        };
    }

    private static final class Factory implements ServiceFactory<Object> {
        @Override
        public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
            return new Object();
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        }
    }
}
