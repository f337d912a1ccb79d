package vn.congvu.modules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapPlan;
import vn.congvu.modules.SwapRecord;

/**
 * One swap from start to end: planned, the jar kept in the archive, the new version serving beside the old,
 * the old one retired, {@code deploy/} put in step, and the history written; or refused, with the reasons
 * in the history and the running version untouched. Called with the manager's swap lock held.
 */
final class Swaps {

    private static final Logger LOG = LoggerFactory.getLogger(Swaps.class);

    private final SwapPlanner planner;
    private final BundleSwapper swapper;
    private final SwapArchive archive;
    private final InstalledRuleBundles installed;
    private final WiringDiagnostics wiring;
    private final DeployFolder deploy;
    private final Supplier<NodeMeter> meter;

    Swaps(SwapPlanner planner, BundleSwapper swapper, SwapArchive archive, InstalledRuleBundles installed,
          WiringDiagnostics wiring, DeployFolder deploy, Supplier<NodeMeter> meter) {
        this.planner = planner;
        this.swapper = swapper;
        this.archive = archive;
        this.installed = installed;
        this.wiring = wiring;
        this.deploy = deploy;
        this.meter = meter;
    }

    /**
     * Installs the candidate beside the running version, waits until it serves, then retires the old one.
     *
     * @param candidate the jar
     * @param requested the action asked for, or null to install or update as the node's state says
     * @param tryFirst  whether its figures are tried on a period first
     * @return what was done, or why it was refused
     */
    SwapOutcome swap(CandidateJar candidate, SwapAction requested, boolean tryFirst) {
        SwapPlan plan = planner.plan(candidate, requested, tryFirst);
        long started = System.nanoTime(); // the swap itself, after the checks and the trial
        if (plan.alreadyRunning()) {
            LOG.info("Rule bundle {} {} ({}) already runs: nothing to do", plan.symbolicName(), plan.toVersion(),
                    candidate.shortSha());
            return new SwapOutcome(plan, false, Duration.ZERO);
        }
        if (plan.refused()) {
            return refused(plan);
        }
        Optional<Bundle> old = installed.current(candidate.symbolicName());
        Path archived = archive.keep(candidate);
        BundleSwapper.Started fresh = swapper.startBeside(archived, candidate.sha256(), plan.signer());
        if (fresh.bundle() == null) {
            return refused(plan.refusedFor(fresh.refusals()));
        }
        Duration serving = Duration.ofNanos(System.nanoTime() - started);
        old.ifPresent(this::keepInArchive);
        old.ifPresent(swapper::retire);
        deploy.mirror(candidate, archived);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (old.isEmpty() && planner.ranLast(candidate)) {
            // the node starting again with the jar its history says runs: not a swap
            LOG.info("Rule bundle {} {} ({}) started from deploy/, signed by {}", plan.symbolicName(), plan.toVersion(),
                    candidate.shortSha(), plan.signer());
            return new SwapOutcome(plan, true, took);
        }
        record(plan, true, (old.isEmpty() ? "serving after " + serving.toMillis() + " ms"
                : "serving after " + serving.toMillis() + " ms, old version retired after " + took.toMillis() + " ms")
                + "; signed by " + plan.signer());
        LOG.info("Rule bundle {}: {} {} -> {} ({}), signed by {}, serving after {} ms", plan.symbolicName(), plan.action(),
                plan.fromVersion() == null ? "(none)" : plan.fromVersion(), plan.toVersion(), candidate.shortSha(),
                plan.signer(), serving.toMillis());
        return new SwapOutcome(plan, true, took);
    }

    /**
     * Stops and uninstalls a rule bundle; its jar stays in the archive.
     *
     * @param bundle the bundle
     * @return what was done
     */
    SwapOutcome remove(Bundle bundle) {
        long started = System.nanoTime();
        SwapPlan plan = new SwapPlan(SwapAction.REMOVE, bundle.getSymbolicName(), bundle.getVersion().toString(),
                installed.checksum(bundle), null, null, null, wiring.dependants(bundle), List.of(), List.of());
        swapper.retire(bundle);
        deploy.forget(bundle.getSymbolicName());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        record(plan, true, "took " + took.toMillis() + " ms");
        LOG.info("Rule bundle {} {} removed; its jar stays in {}", plan.symbolicName(), plan.fromVersion(), archive.folder());
        return new SwapOutcome(plan, true, took);
    }

    /**
     * Writes a refusal to the log and the history.
     *
     * @param plan the refused plan
     * @return the outcome
     */
    SwapOutcome refused(SwapPlan plan) {
        LOG.warn("Refused to {} rule bundle {} {}: {}; {}", plan.action().name().toLowerCase(), plan.symbolicName(),
                plan.toVersion(), String.join("; ", plan.refusals()), plan.fromVersion() == null
                        ? "nothing was installed" : "version " + plan.fromVersion() + " keeps serving");
        record(plan, false, String.join("; ", plan.refusals()));
        return new SwapOutcome(plan, false, Duration.ZERO);
    }

    private void record(SwapPlan plan, boolean done, String note) {
        archive.record(new SwapRecord(Instant.now(), plan.action(), plan.symbolicName(), plan.fromVersion(),
                plan.fromSha256(), plan.toVersion(), plan.toSha256(), done, note));
        NodeMeter counting = meter.get();
        if (counting != null) {
            counting.swap(done);
        }
    }

    /**
     * Keeps the jar of a version about to be retired, when it was installed from a file outside the
     * archive (by an earlier tool, or a test), so that the swap can still be rolled back.
     */
    private void keepInArchive(Bundle bundle) {
        Optional<Path> jar = InstalledRuleBundles.jarOf(bundle);
        try {
            if (jar.isPresent() && Files.isRegularFile(jar.get()) && !jar.get().startsWith(archive.folder())) {
                archive.keep(CandidateJar.read(jar.get()));
            }
        } catch (RuntimeException e) {
            LOG.warn("The jar of {} {} ({}) could not be kept: {}; this swap cannot be rolled back",
                    bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation(), e.getMessage());
        }
    }
}
