package vn.congvu.modules.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Period;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.ReportFiling;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapPlan;
import vn.congvu.modules.SwapRecord;

/**
 * Swaps a province node's rule bundles while it runs: new version beside the old, the old one retired once
 * the new one serves, nothing else restarted; only jars signed by a publisher the node trusts. A coordinator
 * over single-purpose parts: the planner decides whether a jar may run, the swapper does the framework's
 * steps, the archive keeps every jar and the history, the deploy folder reports what changed in it.
 */
@Designate(ocd = RuleBundleManager.Config.class)
@Component(service = RuleBundles.class, immediate = true, configurationPid = "vn.congvu.modules",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class RuleBundleManager implements RuleBundles {

    /** Where the jars are, and whose signatures are trusted. */
    @ObjectClassDefinition(name = "congvu rule bundles")
    public @interface Config {
        /** @return the folder of the rule bundles that run */
        @AttributeDefinition(description = "Folder of the rule bundle jars the node runs; a jar dropped here is installed or updated")
        String deploy_dir();

        /** @return the folder of every jar that ran, and the swap history */
        @AttributeDefinition(description = "Folder that keeps every rule bundle jar the node ran, and history.tsv")
        String archive_dir();

        /** @return the folder of the trusted publishers' certificates */
        @AttributeDefinition(description = "Folder of the certificates (PEM) of the publishers whose signed rule jars this node"
                + " installs; empty for etc/publishers beside the deploy folder")
        String publishers_dir() default "";

        /** @return whether unsigned jars are taken (development only) */
        @AttributeDefinition(description = "DEVELOPMENT ONLY: take unsigned rule jars too. Never on a node that files for real")
        boolean allow_unsigned() default false;

        /** @return how often deploy/ is looked at */
        @AttributeDefinition(description = "Milliseconds between two looks at the deploy folder")
        long poll_millis() default 2000;

        /** @return how long a new version may take to serve */
        @AttributeDefinition(description = "Seconds a new version may take to start serving before the swap is refused")
        int swap_timeout_seconds() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RuleBundleManager.class);

    private final ModuleInventory inventory;
    private final InstalledRuleBundles installed;
    private final SwapArchive archive;
    private final DeployFolder deploy;
    private final SwapPlanner planner;
    private final Swaps swaps;
    private final DryRunner dryRunner;
    private final Object swapLock = new Object();
    private final ScheduledExecutorService watcher;
    /** Counts swaps for the node's metrics, when the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeMeter meter;

    /**
     * @param config    the folders and the signature setting
     * @param context   this bundle's context, to install and retire bundles
     * @param inventory the engine's view of the modules, to see a new version serve
     * @param filing    the engine, for dry runs and trials
     */
    @Activate
    public RuleBundleManager(Config config, BundleContext context, @Reference ModuleInventory inventory,
                             @Reference ReportFiling filing) {
        if (config.swap_timeout_seconds() < 1) {
            throw new IllegalArgumentException("swap.timeout.seconds must be 1 or more, got " + config.swap_timeout_seconds());
        }
        this.inventory = inventory;
        this.installed = new InstalledRuleBundles(context, this::verifiedSigner);
        this.archive = new SwapArchive(Path.of(config.archive_dir()));
        archive.clearStaging();
        this.deploy = new DeployFolder(Path.of(config.deploy_dir()));
        Path publishers = config.publishers_dir().isBlank()
                ? Path.of(config.deploy_dir()).toAbsolutePath().resolveSibling("etc").resolve("publishers")
                : Path.of(config.publishers_dir());
        WiringDiagnostics wiring = new WiringDiagnostics(context);
        this.dryRunner = new DryRunner(filing, wiring);
        this.planner = new SwapPlanner(installed, wiring, archive, new PublisherTrust(publishers), config.allow_unsigned(),
                new CatalogTrial(dryRunner, filing::lastFiled, inventory.province().code(),
                        Clock.systemUTC()), Clock.systemUTC());
        this.swaps = new Swaps(planner, new BundleSwapper(context, inventory, wiring, installed,
                Duration.ofSeconds(config.swap_timeout_seconds())), archive, installed, wiring, deploy, () -> meter);
        if (config.allow_unsigned()) {
            LOG.warn("!!! allow.unsigned = true: this node takes UNSIGNED rule jars, which anyone could have changed. For"
                    + " development only; set allow.unsigned = false in etc/vn.congvu.modules.cfg on a node that files for real !!!");
        }
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "congvu-deploy-watcher");
            thread.setDaemon(true);
            return thread;
        });
        DeployTaker taker = new DeployTaker(deploy, swaps, planner, installed, archive);
        watcher.scheduleWithFixedDelay(() -> {
            synchronized (swapLock) {
                taker.scan();
            }
        }, 0, Math.max(100, config.poll_millis()), TimeUnit.MILLISECONDS);
        LOG.info("Rule bundles: deploy folder {}, archive {}, trusted publishers in {}", config.deploy_dir(),
                config.archive_dir(), publishers);
    }

    /** Stops watching deploy/; the rule bundles keep running until the framework stops them. */
    @Deactivate
    public void close() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public List<RuleBundle> installed() {
        List<InstalledModuleInfo> modules = inventory.modules();
        List<RuleBundle> bundles = new ArrayList<>();
        for (Bundle bundle : installed.all()) {
            bundles.add(new RuleBundle(bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getBundleId(),
                    InstalledRuleBundles.stateName(bundle.getState()), installed.checksum(bundle),
                    Instant.ofEpochMilli(bundle.getLastModified()), installed.signer(bundle),
                    modules.stream().filter(module -> module.bundleId() == bundle.getBundleId()).toList()));
        }
        bundles.sort(Comparator.comparing(RuleBundle::symbolicName).thenComparing(RuleBundle::bundleId));
        return bundles;
    }

    @Override
    public SwapPlan plan(Path jar) {
        Path staged = null;
        try {
            staged = archive.stage(jar);
            return planner.plan(CandidateJar.read(staged), null, true);
        } catch (CandidateJar.InvalidJarException e) {
            return refusedJar(jar, e);
        } finally {
            unstage(staged);
        }
    }

    @Override
    public SwapOutcome apply(Path jar) {
        return apply(jar, null);
    }

    @Override
    public SwapOutcome apply(Path jar, SwapAction expected) {
        if (expected == SwapAction.ROLLBACK || expected == SwapAction.REMOVE) {
            throw new IllegalArgumentException("apply installs or updates, not " + expected);
        }
        synchronized (swapLock) {
            Path staged = null;
            try {
                // verified and installed from a private copy: the same bytes, whatever happens to the given file
                staged = archive.stage(jar);
                return swaps.swap(CandidateJar.read(staged), expected, true);
            } catch (CandidateJar.InvalidJarException e) {
                return swaps.refused(refusedJar(jar, e));
            } finally {
                unstage(staged);
            }
        }
    }

    @Override
    public SwapOutcome rollback(String bundleOrModule) {
        synchronized (swapLock) {
            String symbolicName = symbolicNameOf(bundleOrModule);
            Optional<SwapRecord> last = archive.lastDone(symbolicName);
            Optional<Bundle> current = installed.current(symbolicName);
            if (last.isEmpty() || last.get().fromSha256() == null) {
                return swaps.refused(new SwapPlan(SwapAction.ROLLBACK, symbolicName, current.map(b -> b.getVersion().toString())
                        .orElse(null), current.map(installed::checksum).orElse(null), null, null, null, List.of(), List.of(),
                        List.of("no earlier version of " + symbolicName + " ran on this node, so there is nothing to roll back to")));
            }
            Path jar = archive.pathOf(symbolicName, last.get().fromVersion(), last.get().fromSha256());
            if (!Files.isRegularFile(jar)) {
                return swaps.refused(new SwapPlan(SwapAction.ROLLBACK, symbolicName, last.get().toVersion(), last.get().toSha256(),
                        last.get().fromVersion(), last.get().fromSha256(), null, List.of(), List.of(),
                        List.of("the jar of " + symbolicName + " " + last.get().fromVersion() + " is no longer in the archive (" + jar + ")")));
            }
            return swaps.swap(CandidateJar.read(jar), SwapAction.ROLLBACK, false);
        }
    }

    @Override
    public SwapOutcome remove(String bundleOrModule) {
        synchronized (swapLock) {
            String symbolicName = symbolicNameOf(bundleOrModule);
            Optional<Bundle> current = installed.current(symbolicName);
            if (current.isEmpty()) {
                SwapPlan plan = new SwapPlan(SwapAction.REMOVE, symbolicName, null, null, null, null, null, List.of(), List.of(),
                        List.of("no rule bundle or module named " + bundleOrModule + " is installed"));
                return new SwapOutcome(plan, false, Duration.ZERO);
            }
            return swaps.remove(current.get());
        }
    }

    @Override
    public List<SwapRecord> history() {
        return archive.history();
    }

    @Override
    public DryRun dryRun(Path jar, Period period) {
        Path staged = archive.stage(jar);
        try {
            return dryRunStaged(CandidateJar.read(staged), period);
        } finally {
            unstage(staged);
        }
    }

    private DryRun dryRunStaged(CandidateJar candidate, Period period) {
        String installedVersion = installed.current(candidate.symbolicName()).map(bundle -> bundle.getVersion().toString())
                .orElse(null);
        SwapPlanner.Signature signature = planner.signature(candidate);
        if (!signature.accepted()) {
            // a dry run runs the jar's classes: not those of a jar this node would not install
            return new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(), period, List.of(),
                    List.of(), signature.refusals());
        }
        return dryRunner.run(candidate, period, installedVersion);
    }

    /** @return who signed the jar, as verified for an install; "unknown" when it would be refused or cannot be read */
    private String verifiedSigner(Path jar) {
        try {
            String signer = planner.signature(CandidateJar.read(jar)).signer();
            return signer == null ? "unknown" : signer;
        } catch (CandidateJar.InvalidJarException e) {
            return "unknown";
        }
    }

    private void unstage(Path staged) {
        if (staged != null) {
            archive.unstage(staged);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static SwapPlan refusedJar(Path jar, CandidateJar.InvalidJarException e) {
        return new SwapPlan(SwapAction.INSTALL, String.valueOf(jar.getFileName()), null, null, null, null, null, List.of(),
                List.of(), List.of(e.getMessage()));
    }

    private String symbolicNameOf(String bundleOrModule) {
        return inventory.modules().stream().filter(module -> module.descriptor().id().equals(bundleOrModule))
                .map(InstalledModuleInfo::bundle).findFirst().orElse(bundleOrModule);
    }
}
