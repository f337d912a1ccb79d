package vn.congvu.modules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** What the framework's wiring says about a bundle: what it would restart, what it lacks, what is on offer. */
final class WiringDiagnostics {

    private final BundleContext context;

    WiringDiagnostics(BundleContext context) {
        this.context = context;
    }

    /** @return the bundles a refresh of this one would restart, besides itself */
    List<String> dependants(Bundle bundle) {
        return frameworkWiring().getDependencyClosure(List.of(bundle)).stream().filter(other -> !other.equals(bundle))
                .map(other -> other.getSymbolicName() + " " + other.getVersion() + " (" + other.getBundleId() + ")").sorted().toList();
    }

    /** Says, for a bundle the framework could not resolve, which of its requirements nothing satisfies. */
    List<String> unresolved(Bundle bundle) {
        List<String> reasons = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if ("optional".equals(requirement.getDirectives().get("resolution"))) {
                continue;
            }
            String filter = requirement.getDirectives().get("filter");
            if (!satisfied(requirement.getNamespace(), filter)) {
                reasons.add("it requires " + requirement.getNamespace() + " " + filter + ", which nothing on this node provides");
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("the framework could not resolve it (the node's log says why)");
        }
        return reasons;
    }

    /** @return every package the node's resolved bundles export, with the versions on offer */
    Map<String, List<Version>> exports() {
        Map<String, List<Version>> exports = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability capability : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                exports.computeIfAbsent((String) capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                        name -> new ArrayList<>()).add(version instanceof Version v ? v : Version.emptyVersion);
            }
        }
        return exports;
    }

    FrameworkWiring frameworkWiring() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }

    private boolean satisfied(String namespace, String filter) {
        Filter parsed;
        try {
            parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (Bundle other : context.getBundles()) {
            BundleWiring wiring = other.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability capability : wiring.getCapabilities(namespace)) {
                if (parsed == null || parsed.matches(capability.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }
}
