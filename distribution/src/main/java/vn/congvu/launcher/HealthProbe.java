package vn.congvu.launcher;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Asks the node's {@code vn.congvu.health.NodeHealth} service whether the node is ready. The service lives in a
 * bundle, not on the launcher's class path, so it is called through its public methods by reflection.
 */
final class HealthProbe {

    private HealthProbe() {
    }

    /**
     * @return one line per reason the node is not ready: empty when it is ready, one line saying so when the node's
     *         health part is not running (yet)
     */
    static List<String> problemsOrAbsent(BundleContext context) {
        ServiceReference<?> reference = context.getServiceReference("vn.congvu.health.NodeHealth");
        Object health = reference == null ? null : context.getService(reference);
        if (health == null) {
            return List.of("the node's health check (bundle vn.congvu.health) is not running");
        }
        try {
            Object readiness = health.getClass().getMethod("readiness").invoke(health);
            List<String> lines = new ArrayList<>();
            for (Object problem : (List<?>) readiness.getClass().getMethod("problems").invoke(readiness)) {
                lines.add((String) problem.getClass().getMethod("line").invoke(problem));
            }
            return lines;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return List.of("the node's health check failed: " + e);
        } finally {
            context.ungetService(reference);
        }
    }
}
