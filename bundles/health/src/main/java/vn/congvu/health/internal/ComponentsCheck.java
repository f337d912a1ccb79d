package vn.congvu.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import vn.congvu.health.Problem;

/**
 * Asks Declarative Services which congvu components are not running as their settings ask: one that failed
 * to start (with the reason it gave), and one configured from {@code etc/} that still waits for a service.
 * A component with no settings of this node (the ministry's parts on a province's node) is not wanted here
 * and is not a problem.
 */
final class ComponentsCheck {

    /** A component's problem, with the PID of its settings so a settings problem can explain it. */
    record Found(String pid, Problem problem) {
    }

    private static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private final ServiceComponentRuntime runtime;
    private final BundleContext context;

    ComponentsCheck(ServiceComponentRuntime runtime, BundleContext context) {
        this.runtime = runtime;
        this.context = context;
    }

    /** @return every congvu component that is not running as its settings ask */
    List<Found> problems() {
        Bundle[] congvu = Stream.of(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("vn.congvu."))
                .toArray(Bundle[]::new);
        List<Found> found = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(congvu)) {
            if (!runtime.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                Object file = configuration.properties.get(FILE_PROPERTY);
                String pid = String.valueOf(configuration.properties.getOrDefault("service.pid", description.name));
                String where = file == null ? "component " + simpleName(description.name) : "etc/" + fileName(file);
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    found.add(new Found(pid, new Problem(where, FailureText.of(configuration.failure))));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && file != null) {
                    found.add(new Found(pid, new Problem(where, simpleName(description.name) + " waits for "
                            + waitsFor(description, configuration.unsatisfiedReferences))));
                }
            }
        }
        // a component that could not get a service of a part that failed is explained by that part's problem
        if (found.stream().anyMatch(problem -> !dependent(problem))) {
            found.removeIf(ComponentsCheck::dependent);
        }
        return found;
    }

    private static boolean dependent(Found found) {
        return found.problem().what().startsWith("Unable to get service for reference");
    }

    /** The services waited for, by their interface (a constructor's reference has a name such as $003). */
    private static String waitsFor(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO[] references) {
        List<String> services = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references) {
            String service = reference.name;
            for (org.osgi.service.component.runtime.dto.ReferenceDTO declared : description.references) {
                if (declared.name.equals(reference.name)) {
                    service = simpleName(declared.interfaceName);
                }
            }
            services.add(service);
        }
        return String.join(", ", services) + " (see the other problems, or log/congvu.log)";
    }

    private static String fileName(Object file) {
        String text = file.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static String simpleName(String componentName) {
        return componentName.substring(componentName.lastIndexOf('.') + 1);
    }
}
