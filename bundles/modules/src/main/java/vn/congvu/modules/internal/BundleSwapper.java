package vn.congvu.modules.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.engine.ModuleInventory;

/**
 * The framework's steps of a swap: a new version installed, resolved and started beside the running one until
 * the engine serves its modules; an old version stopped, uninstalled and refreshed so its class loader goes.
 */
final class BundleSwapper {

    private static final Logger LOG = LoggerFactory.getLogger(BundleSwapper.class);

    /**
     * How starting a new version went.
     *
     * @param bundle   the new version, serving; null when refused
     * @param refusals why it was not started, in words; empty when it serves
     */
    record Started(Bundle bundle, List<String> refusals) {
    }

    private final BundleContext context;
    private final ModuleInventory inventory;
    private final WiringDiagnostics wiring;
    private final InstalledRuleBundles installed;
    private final Duration timeout;

    BundleSwapper(BundleContext context, ModuleInventory inventory, WiringDiagnostics wiring, InstalledRuleBundles installed,
                  Duration timeout) {
        this.context = context;
        this.inventory = inventory;
        this.wiring = wiring;
        this.installed = installed;
        this.timeout = timeout;
    }

    /**
     * Installs the jar beside whatever runs, and waits until the engine has bound every rule module it registers.
     *
     * @param jar    the jar, from the archive
     * @param sha256 its checksum
     * @param signer who signed it, as verified
     * @return the new version serving, or why not (then nothing of it is left installed)
     */
    Started startBeside(Path jar, String sha256, String signer) {
        Bundle fresh;
        try {
            fresh = context.installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            return new Started(null, List.of("the framework would not install it: " + e.getMessage()));
        }
        installed.installed(fresh, sha256, signer);
        if (!wiring.frameworkWiring().resolveBundles(List.of(fresh))) {
            List<String> reasons = wiring.unresolved(fresh);
            discard(fresh);
            return new Started(null, reasons);
        }
        try {
            fresh.start();
        } catch (BundleException e) {
            discard(fresh);
            return new Started(null, List.of("it did not start: " + e.getMessage()));
        }
        if (!awaitServing(fresh)) {
            discard(fresh);
            return new Started(null, List.of("its rule modules did not start serving within " + timeout.toSeconds()
                    + " s (the node's log says why)"));
        }
        return new Started(fresh, List.of());
    }

    /**
     * Stops the bundle (the engine lets the evaluations running on it finish first), uninstalls it and
     * refreshes it with the bundles wired to it, so that its class loader can be collected.
     */
    void retire(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException e) {
            LOG.warn("Rule bundle {} {} did not stop cleanly: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
        }
        discard(bundle);
    }

    private void discard(Bundle bundle) {
        try {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        } catch (BundleException e) {
            LOG.warn("Rule bundle {} {} could not be uninstalled: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
        }
        installed.uninstalled(bundle);
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.frameworkWiring().refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        try {
            if (!refreshed.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Refreshing after retiring {} {} took longer than {} s", bundle.getSymbolicName(), bundle.getVersion(),
                        timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the engine has bound every rule module service the new bundle registers. */
    private boolean awaitServing(Bundle fresh) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long generation = inventory.generation();
            int registered = ruleModuleServices(fresh);
            if (registered > 0 && inventory.boundFrom(fresh.getBundleId()) == registered) {
                return true;
            }
            try {
                inventory.awaitChange(generation, 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static int ruleModuleServices(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        int count = 0;
        for (ServiceReference<?> service : services == null ? new ServiceReference<?>[0] : services) {
            for (String type : (String[]) service.getProperty(Constants.OBJECTCLASS)) {
                if (type.equals(CandidateJar.RULE_MODULE)) {
                    count++;
                }
            }
        }
        return count;
    }
}
