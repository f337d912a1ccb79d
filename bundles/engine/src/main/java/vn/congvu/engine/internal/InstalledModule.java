package vn.congvu.engine.internal;

import java.time.Instant;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.RuleModule;

/**
 * A rule module as installed on this node, with the provenance every report names.
 *
 * <p>An evaluation leases the modules it uses for its whole run. When the module's service goes away (its
 * bundle is stopped or swapped for another version) the module is retired: no new lease is granted, and
 * the unbinding waits until the running evaluations have given theirs back. So an evaluation always
 * finishes on the version it started with, and a bundle never stops under a running evaluation.
 */
final class InstalledModule {

    private final RuleModule module;
    private final ModuleDescriptor descriptor;
    private final ModuleProvenance provenance;
    private final String bundle;
    private final long bundleId;
    private final long bindOrder;
    private final Instant since;
    private int leases;
    private boolean retired;

    InstalledModule(RuleModule module, ModuleDescriptor descriptor, ModuleProvenance provenance, String bundle,
                    long bundleId, long bindOrder, Instant since) {
        this.module = module;
        this.descriptor = descriptor;
        this.provenance = provenance;
        this.bundle = bundle;
        this.bundleId = bundleId;
        this.bindOrder = bindOrder;
        this.since = since;
    }

    /** A module not bound from the service registry: a candidate being dry-run, or one in a unit test. */
    InstalledModule(RuleModule module, ModuleDescriptor descriptor, ModuleProvenance provenance) {
        this(module, descriptor, provenance, "", -1, Long.MAX_VALUE, Instant.EPOCH);
    }

    RuleModule module() {
        return module;
    }

    ModuleDescriptor descriptor() {
        return descriptor;
    }

    ModuleProvenance provenance() {
        return provenance;
    }

    String bundle() {
        return bundle;
    }

    long bundleId() {
        return bundleId;
    }

    /** @return the order it was bound in: of two versions of one module, the later one serves */
    long bindOrder() {
        return bindOrder;
    }

    Instant since() {
        return since;
    }

    /** @return false if the module is retired: the caller must use the version that replaced it */
    synchronized boolean lease() {
        if (retired) {
            return false;
        }
        leases++;
        return true;
    }

    synchronized void release() {
        leases--;
        if (leases == 0) {
            notifyAll();
        }
    }

    /**
     * Grants no more leases and waits for the running evaluations to return theirs.
     *
     * @param timeoutMillis how long to wait at most
     * @return the leases still out when the wait ended (0 when every evaluation finished)
     */
    synchronized int retireAndAwaitIdle(long timeoutMillis) {
        retired = true;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean interrupted = false;
        while (leases > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return leases;
    }
}
