package vn.congvu.health.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.health.NodeHealth;
import vn.congvu.health.Problem;
import vn.congvu.health.Readiness;

/**
 * The node's readiness: a coordinator over four checks, the settings files ({@link SettingsCheck}), the
 * components ({@link ComponentsCheck}), the platform's bundles and endpoint ({@link PlatformCheck}) and the rule
 * bundles in deploy/ ({@link DeployCheck}). A component whose settings file has a problem is not reported
 * again: the settings line says why it does not run.
 */
@Component(service = NodeHealth.class, immediate = true)
public class HealthService implements NodeHealth {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final BundleContext context;
    private final ComponentsCheck components;
    private final PlatformCheck platform;
    private final DeployCheck deploy;
    private final Path etc;
    private final Map<Long, Declared> byBundle = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param context this bundle's context: the node home's etc/ folder, the bundles' declared settings
     * @param runtime Declarative Services, asked which components run
     */
    @Activate
    public HealthService(BundleContext context, @Reference ServiceComponentRuntime runtime) {
        this.context = context;
        this.components = new ComponentsCheck(runtime, context);
        String folder = context.getProperty("felix.fileinstall.dir");
        String home = context.getProperty("congvu.home");
        this.etc = folder != null ? Path.of(folder) : home != null ? Path.of(home, "etc") : null;
        String distribution = context.getProperty("congvu.distribution");
        this.platform = new PlatformCheck(context, distribution == null ? null : Path.of(distribution), etc);
        this.deploy = new DeployCheck(context, etc, home);
        // the first look reads every bundle's declarations and loads the XML parser (about 80 ms): done while the
        // other bundles start, so that the node says "ready" as soon as it is
        Thread warmUp = new Thread(this::readiness, "congvu-health-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public Readiness readiness() {
        List<Problem> problems = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        if (etc != null) {
            for (Problem problem : new SettingsCheck(etc, declaredSettings()).problems()) {
                problems.add(problem);
                explained.add(pidOf(problem.where()));
            }
        }
        for (ComponentsCheck.Found found : components.problems()) {
            if (!explained.contains(found.pid())) {
                problems.add(found.problem());
            }
        }
        problems.addAll(platform.problems());
        if (problems.isEmpty()) {
            // a rule bundle does not serve while the engine does not run: named only once the node's own parts run
            problems.addAll(deploy.problems());
        }
        return new Readiness(problems);
    }

    /** "etc/vn.congvu.uplink.cfg" -> "vn.congvu.uplink" */
    private static String pidOf(String where) {
        String file = where.startsWith("etc/") ? where.substring(4) : where;
        int end = file.indexOf(".cfg");
        return end < 0 ? file : file.substring(0, end);
    }

    /** Every PID's settings, as the installed bundles declare them now (a rule bundle may come and go). */
    private Map<String, Map<String, DeclaredSetting>> declaredSettings() {
        Map<String, Map<String, DeclaredSetting>> declared = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                Declared ofBundle = byBundle.compute(bundle.getBundleId(), (id, known) ->
                        known != null && known.lastModified() == bundle.getLastModified() ? known
                                : new Declared(bundle.getLastModified(), read(bundle)));
                ofBundle.byPid().forEach((pid, settings) -> declared.computeIfAbsent(pid, any -> new HashMap<>()).putAll(settings));
            }
        }
        byBundle.keySet().removeIf(id -> context.getBundle(id) == null);
        return declared;
    }

    /** What one bundle declares, read once per version of the bundle: readiness is asked often. */
    private record Declared(long lastModified, Map<String, Map<String, DeclaredSetting>> byPid) {
    }

    private static Map<String, Map<String, DeclaredSetting>> read(Bundle bundle) {
        Map<String, Map<String, DeclaredSetting>> declared = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            try (InputStream xml = entry.openStream()) {
                MetatypeDeclarations.read(xml, declared);
            } catch (IOException | IllegalStateException e) {
                LOG.warn("The settings {} declares in {} cannot be read: {}", bundle.getSymbolicName(), entry, e.getMessage());
            }
        }
        return declared;
    }
}
