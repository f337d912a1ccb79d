package vn.congvu.health.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import vn.congvu.health.Problem;

/**
 * Whether the parts every node runs are running: each platform bundle of the distribution active, and the
 * health and metrics endpoint listening (Felix HTTP registers its runtime only once Jetty has a connector).
 */
final class PlatformCheck {

    private static final String HTTP_BUNDLE = "org.apache.felix.http.jetty12";
    private static final String HTTP_RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private static final String HTTP_FILE = "org.apache.felix.http.cfg";
    private static final String PORT = "org.osgi.service.http.port";

    private final BundleContext context;
    private final String platformLocation;
    private final Path etc;

    /**
     * @param distribution the distribution's folder, whose {@code bundle/} jars are the platform; null if unknown
     * @param etc          the node home's settings folder, for the endpoint's port; null if unknown
     */
    PlatformCheck(BundleContext context, Path distribution, Path etc) {
        this.context = context;
        this.platformLocation = distribution == null ? null : distribution.resolve("bundle").toUri().toString();
        this.etc = etc;
    }

    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        boolean http = false;
        for (Bundle bundle : context.getBundles()) {
            http |= HTTP_BUNDLE.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE;
            if (platformLocation != null && bundle.getLocation().startsWith(platformLocation)
                    && (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0
                    && bundle.getState() != Bundle.ACTIVE) {
                problems.add(new Problem("bundle " + bundle.getSymbolicName(), "is " + state(bundle.getState())
                        + ", not active: a part of every node; 'start " + bundle.getBundleId()
                        + "' in congvu shell, or restart the node (log/congvu.log says why it stopped)"));
            }
        }
        if (http && !listening()) {
            problems.add(new Problem("etc/" + HTTP_FILE, PORT + " = " + port() + ": the health and metrics endpoint does "
                    + "not listen (is the port in use by another program? 'ss -ltnp' shows it; log/congvu.log says why; once it is free, save " + HTTP_FILE + " again or restart the node)"));
        }
        return problems;
    }

    private boolean listening() {
        try {
            ServiceReference<?>[] runtimes = context.getServiceReferences(HTTP_RUNTIME, null);
            if (runtimes == null) {
                return false;
            }
            for (ServiceReference<?> runtime : runtimes) {
                Object endpoints = runtime.getProperty("osgi.http.endpoint");
                if (endpoints instanceof String[] list ? list.length > 0 : endpoints != null) {
                    return true;
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }

    private String port() {
        Path file = etc == null ? null : etc.resolve(HTTP_FILE);
        if (file == null || !Files.exists(file)) {
            return "8080 (the default: no " + HTTP_FILE + ")";
        }
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return "? (" + e.getMessage() + ")";
        }
        return settings.getProperty(PORT, "8080 (the default)").trim();
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed (its requirements are missing)";
            case Bundle.RESOLVED -> "stopped";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "in state " + state;
        };
    }
}
