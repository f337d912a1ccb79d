package vn.congvu.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Felix framework of one node home, with the distribution's platform bundles: started, and stopped
 * cleanly. The caller holds the home's {@link NodeLock}.
 */
final class NodeFramework {

    private static final Logger LOG = LoggerFactory.getLogger(NodeFramework.class);
    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private final Path distribution;
    private final Path home;

    NodeFramework(Path distribution, Path home) {
        this.distribution = distribution;
        this.home = home;
    }

    Framework start(boolean interactive) throws IOException, BundleException {
        Files.createDirectories(home.resolve("deploy"));
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, home.resolve("data/felix-cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Logback and SLF4J live on the launcher's class path; bundles see SLF4J through the system bundle.
        String slf4j = ";version=" + System.getProperty("congvu.slf4j.version", "2.0.17");
        // The API is exported a second time as 1.7.36 for the bundles that import it below 2 (HikariCP, the pool of
        // a ministry store on PostgreSQL): SLF4J 2 keeps the 1.x API its callers use.
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j" + slf4j, "org.slf4j.spi" + slf4j, "org.slf4j.event" + slf4j, "org.slf4j.helpers" + slf4j,
                "org.slf4j;version=1.7.36", "org.slf4j.spi;version=1.7.36", "org.slf4j.event;version=1.7.36",
                "org.slf4j.helpers;version=1.7.36", "sun.misc"));
        properties.put("congvu.home", home.toString());
        // the health and metrics endpoint listens on this machine only, also in a home whose etc/ predates it
        // (etc/org.apache.felix.http.cfg, where a home sets its port, overrides this)
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("congvu.distribution", distribution.toString());
        // Jetty starts before FileInstall hands it etc/org.apache.felix.http.cfg: start it on that file's port and
        // host at once, rather than on its default port and then again
        properties.putAll(HttpSettings.read(home.resolve("etc/org.apache.felix.http.cfg")));
        // the ministry's web console over HTTPS with the node's TLS key (where etc/vn.congvu.console.cfg is)
        properties.putAll(ConsoleHttps.properties(home));
        // FileInstall watches etc/; deploy/ belongs to vn.congvu.modules, which swaps rule bundles in place
        // and installs a new version beside the old one, even of the same version number.
        properties.put("org.osgi.framework.bsnversion", "multiple");
        properties.put("felix.fileinstall.dir", home.resolve("etc").toString());
        properties.put("felix.fileinstall.filter", ".*\\.cfg");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.log.level", "2");
        // etc/ belongs to the operator: never write configuration back into the .cfg files
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // Declarative Services reports through the OSGi log, which vn.congvu.logging forwards to Logback
        properties.put("ds.loglevel", "warn");
        properties.put("gosh.args", interactive ? "--noshutdown" : "--nointeractive");
        properties.put("gosh.home", home.toString());

        Framework framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        // no remote shell in a node: the hooks are in place before any bundle starts, including the bundles
        // that restart with the framework because an earlier run had started them
        NoRemoteShell.register(context);
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(distribution.resolve("bundle"))) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        framework.start();
        List<String> failed = new ArrayList<>();
        for (Bundle bundle : installed) {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    LOG.error("Platform bundle {} did not start: {}", bundle.getSymbolicName(), e.getMessage());
                    failed.add(bundle.getSymbolicName());
                }
            }
        }
        if (!failed.isEmpty()) {
            stop(framework);
            throw new IllegalStateException("platform bundles did not start: " + failed + " (see the errors above)");
        }
        LOG.info("Node {} started ({} platform bundles)", home, installed.size());
        return framework;
    }

    void stop(Framework framework) {
        try {
            if (framework.getState() == Bundle.ACTIVE || framework.getState() == Bundle.STARTING) {
                LOG.info("Stopping node {}", home);
                framework.stop();
            }
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException e) {
            LOG.error("The node at {} did not stop cleanly", home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
