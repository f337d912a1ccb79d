package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
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
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Report;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.engine.CandidateModules;
import vn.congvu.engine.Evaluation;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.ReportFiling;
import vn.congvu.modules.DryRun;
import vn.congvu.modules.FigureComparison;
import vn.congvu.modules.RuleBundle;
import vn.congvu.modules.RuleBundles;
import vn.congvu.modules.SwapAction;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.modules.SwapOutcome;
import vn.congvu.modules.SwapPlan;
import vn.congvu.modules.SwapRecord;

/**
 * Swaps a province node's rule bundles while it runs: new version beside the old, the old one retired
 * once the new one serves, nothing else restarted. Watches {@code deploy/}, which always holds the jar of
 * each rule bundle that runs, so that the node starts with the same rules after a restart.
 */
@Designate(ocd = RuleBundleManager.Config.class)
@Component(service = RuleBundles.class, immediate = true, configurationPid = "vn.congvu.modules",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class RuleBundleManager implements RuleBundles {

    /** Where the jars are. */
    @ObjectClassDefinition(name = "congvu rule bundles")
    public @interface Config {
        /** @return the folder of the rule bundles that run */
        @AttributeDefinition(description = "Folder of the rule bundle jars the node runs; a jar dropped here is installed or updated")
        String deploy_dir();

        /** @return the folder of every jar that ran, and the swap history */
        @AttributeDefinition(description = "Folder that keeps every rule bundle jar the node ran, and history.tsv")
        String archive_dir();

        /** @return how often deploy/ is looked at */
        @AttributeDefinition(description = "Milliseconds between two looks at the deploy folder")
        long poll_millis() default 2000;

        /** @return how long a new version may take to serve */
        @AttributeDefinition(description = "Seconds a new version may take to start serving before the swap is refused")
        int swap_timeout_seconds() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RuleBundleManager.class);

    private final BundleContext context;
    private final ModuleInventory inventory;
    private final ReportFiling filing;
    private final SwapArchive archive;
    private final DeployFolder deploy;
    private final Duration swapTimeout;
    private final Object swapLock = new Object();
    private final Map<Long, String> checksums = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher;
    /** Counts swaps for the node's metrics, when the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeMeter meter;

    /**
     * @param config    the folders
     * @param context   this bundle's context, to install and retire bundles
     * @param inventory the engine's view of the modules, to see a new version serve
     * @param filing    the engine, for dry runs
     */
    @Activate
    public RuleBundleManager(Config config, BundleContext context, @Reference ModuleInventory inventory,
                             @Reference ReportFiling filing) {
        this.context = context;
        this.inventory = inventory;
        this.filing = filing;
        this.archive = new SwapArchive(Path.of(config.archive_dir()));
        this.deploy = new DeployFolder(Path.of(config.deploy_dir()), this);
        if (config.swap_timeout_seconds() < 1) {
            throw new IllegalArgumentException("swap.timeout.seconds must be 1 or more, got " + config.swap_timeout_seconds());
        }
        this.swapTimeout = Duration.ofSeconds(config.swap_timeout_seconds());
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "congvu-deploy-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::scanDeployFolder, 0, Math.max(100, config.poll_millis()), TimeUnit.MILLISECONDS);
        LOG.info("Rule bundles: deploy folder {}, archive {}", config.deploy_dir(), config.archive_dir());
    }

    /** Stops watching deploy/; the rule bundles keep running until the framework stops them. */
    @Deactivate
    public void close() throws InterruptedException {
        watcher.shutdownNow();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void scanDeployFolder() {
        try {
            synchronized (swapLock) {
                deploy.scan();
            }
        } catch (RuntimeException e) {
            // a failed look must not end the schedule: the next one tries again
            LOG.error("Looking at the deploy folder failed; trying again", e);
        }
    }

    @Override
    public List<RuleBundle> installed() {
        List<InstalledModuleInfo> modules = inventory.modules();
        List<RuleBundle> bundles = new ArrayList<>();
        for (Bundle bundle : ruleBundles()) {
            bundles.add(new RuleBundle(bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getBundleId(),
                    stateName(bundle.getState()), checksum(bundle), Instant.ofEpochMilli(bundle.getLastModified()),
                    modules.stream().filter(module -> module.bundleId() == bundle.getBundleId()).toList()));
        }
        bundles.sort(Comparator.comparing(RuleBundle::symbolicName).thenComparing(RuleBundle::bundleId));
        return bundles;
    }

    @Override
    public SwapPlan plan(Path jar) {
        try {
            return planFor(CandidateJar.read(jar), null);
        } catch (CandidateJar.InvalidJarException e) {
            return refusedJar(jar, e);
        }
    }

    @Override
    public SwapOutcome apply(Path jar) {
        synchronized (swapLock) {
            CandidateJar candidate;
            try {
                candidate = CandidateJar.read(jar);
            } catch (CandidateJar.InvalidJarException e) {
                return refused(refusedJar(jar, e));
            }
            return swap(candidate, null);
        }
    }

    @Override
    public SwapOutcome rollback(String bundleOrModule) {
        synchronized (swapLock) {
            String symbolicName = symbolicNameOf(bundleOrModule);
            Optional<SwapRecord> last = lastSwap(symbolicName);
            Optional<Bundle> current = current(symbolicName);
            if (last.isEmpty() || last.get().fromSha256() == null) {
                return refused(new SwapPlan(SwapAction.ROLLBACK, symbolicName, current.map(b -> b.getVersion().toString())
                        .orElse(null), current.map(this::checksum).orElse(null), null, null, List.of(),
                        List.of("no earlier version of " + symbolicName + " ran on this node, so there is nothing to roll back to")));
            }
            Path jar = archive.pathOf(symbolicName, last.get().fromVersion(), last.get().fromSha256());
            if (!Files.isRegularFile(jar)) {
                return refused(new SwapPlan(SwapAction.ROLLBACK, symbolicName, last.get().toVersion(), last.get().toSha256(),
                        last.get().fromVersion(), last.get().fromSha256(), List.of(),
                        List.of("the jar of " + symbolicName + " " + last.get().fromVersion() + " is no longer in the archive (" + jar + ")")));
            }
            return swap(CandidateJar.read(jar), SwapAction.ROLLBACK);
        }
    }

    @Override
    public SwapOutcome remove(String bundleOrModule) {
        synchronized (swapLock) {
            String symbolicName = symbolicNameOf(bundleOrModule);
            Optional<Bundle> current = current(symbolicName);
            long started = System.nanoTime();
            if (current.isEmpty()) {
                SwapPlan plan = new SwapPlan(SwapAction.REMOVE, symbolicName, null, null, null, null, List.of(),
                        List.of("no rule bundle or module named " + bundleOrModule + " is installed"));
                return new SwapOutcome(plan, false, Duration.ZERO);
            }
            Bundle bundle = current.get();
            SwapPlan plan = new SwapPlan(SwapAction.REMOVE, symbolicName, bundle.getVersion().toString(), checksum(bundle),
                    null, null, dependants(bundle), List.of());
            retire(bundle);
            deploy.forget(symbolicName);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            record(plan, true, "took " + took.toMillis() + " ms");
            LOG.info("Rule bundle {} {} removed; its jar stays in {}", symbolicName, plan.fromVersion(), archive.folder());
            return new SwapOutcome(plan, true, took);
        }
    }

    @Override
    public List<SwapRecord> history() {
        return archive.history();
    }

    @Override
    public DryRun dryRun(Path jar, Period period) {
        CandidateJar candidate = CandidateJar.read(jar);
        String installedVersion = current(candidate.symbolicName()).map(bundle -> bundle.getVersion().toString()).orElse(null);
        List<String> problems = new ArrayList<>(Compatibility.problems(candidate, exports()));
        candidate.components().stream().filter(CandidateJar.Component::usesReferences)
                .forEach(component -> problems.add("component " + component.implementation()
                        + " needs other services, so it can only be tried installed"));
        if (!problems.isEmpty()) {
            return new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(), period, List.of(), problems);
        }
        try (URLClassLoader loader = new URLClassLoader("congvu-dry-run " + candidate.symbolicName(),
                new URL[] {jar.toUri().toURL()}, new ApiOnlyClassLoader(RuleModule.class.getClassLoader()))) {
            List<RuleModule> modules = new ArrayList<>();
            for (CandidateJar.Component component : candidate.components()) {
                Class<?> type = loader.loadClass(component.implementation());
                if (RuleModule.class.isAssignableFrom(type)) {
                    modules.add((RuleModule) type.getDeclaredConstructor().newInstance());
                }
            }
            Evaluation before = filing.evaluate(period, new CandidateModules(candidate.symbolicName(), "", "", List.of()));
            Evaluation after = filing.evaluate(period, new CandidateModules(candidate.symbolicName(),
                    candidate.version().toString(), candidate.sha256(), modules));
            before.problems().forEach(problem -> problems.add("installed: " + problem.field() + ": " + problem.messageEn()));
            after.problems().forEach(problem -> problems.add("candidate: " + problem.field() + ": " + problem.messageEn()));
            return new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(), period,
                    compare(before.report(), after.report()), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + " for a dry run", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add("its modules cannot be created outside the framework: " + e);
            return new DryRun(candidate.symbolicName(), installedVersion, candidate.version().toString(), period, List.of(), problems);
        }
    }

    private static List<FigureComparison> compare(Optional<Report> installed, Optional<Report> candidate) {
        Map<String, BigDecimal[]> figures = new TreeMap<>();
        installed.ifPresent(report -> report.values().forEach(value -> figures.computeIfAbsent(key(value),
                key -> new BigDecimal[2])[0] = value.value()));
        candidate.ifPresent(report -> report.values().forEach(value -> figures.computeIfAbsent(key(value),
                key -> new BigDecimal[2])[1] = value.value()));
        List<FigureComparison> comparisons = new ArrayList<>();
        figures.forEach((key, values) -> {
            int split = key.indexOf('\u0000');
            comparisons.add(new FigureComparison(key.substring(0, split), key.substring(split + 1), values[0], values[1]));
        });
        return comparisons;
    }

    private static String key(IndicatorValue value) {
        return value.code() + '\u0000' + value.disaggregation();
    }

    // ---- swapping -------------------------------------------------------------------------------------

    /**
     * Installs the candidate beside the running version, waits until it serves, then retires the old one.
     * Called with the swap lock held.
     */
    SwapOutcome swap(CandidateJar candidate, SwapAction requested) {
        long started = System.nanoTime();
        SwapPlan plan = planFor(candidate, requested);
        if (plan.alreadyRunning()) {
            LOG.info("Rule bundle {} {} ({}) already runs: nothing to do", plan.symbolicName(), plan.toVersion(),
                    candidate.shortSha());
            return new SwapOutcome(plan, false, Duration.ZERO);
        }
        if (plan.refused()) {
            return refused(plan);
        }
        Optional<Bundle> old = current(candidate.symbolicName());
        Path archived = archive.keep(candidate);
        Bundle fresh;
        try {
            fresh = context.installBundle(archived.toUri().toString());
        } catch (BundleException e) {
            return refused(plan.refusedFor(List.of("the framework would not install it: " + e.getMessage())));
        }
        checksums.put(fresh.getBundleId(), candidate.sha256());
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (!wiring.resolveBundles(List.of(fresh))) {
            List<String> reasons = unresolved(fresh);
            discard(fresh);
            return refused(plan.refusedFor(reasons));
        }
        try {
            fresh.start();
        } catch (BundleException e) {
            discard(fresh);
            return refused(plan.refusedFor(List.of("it did not start: " + e.getMessage())));
        }
        if (!awaitServing(fresh)) {
            discard(fresh);
            return refused(plan.refusedFor(List.of("its rule modules did not start serving within " + swapTimeout.toSeconds()
                    + " s (the node's log says why)")));
        }
        Duration serving = Duration.ofNanos(System.nanoTime() - started);
        old.ifPresent(this::keepInArchive);
        old.ifPresent(this::retire);
        deploy.mirror(candidate, archived);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (old.isEmpty() && ranLast(candidate)) {
            // the node starting again with the jar its history says runs: not a swap
            LOG.info("Rule bundle {} {} ({}) started from deploy/", plan.symbolicName(), plan.toVersion(), candidate.shortSha());
            return new SwapOutcome(plan, true, took);
        }
        record(plan, true, old.isEmpty() ? "serving after " + serving.toMillis() + " ms"
                : "serving after " + serving.toMillis() + " ms, old version retired after " + took.toMillis() + " ms");
        LOG.info("Rule bundle {}: {} {} -> {} ({}), serving after {} ms", plan.symbolicName(), plan.action(),
                plan.fromVersion() == null ? "(none)" : plan.fromVersion(), plan.toVersion(), candidate.shortSha(),
                serving.toMillis());
        return new SwapOutcome(plan, true, took);
    }

    /** @return whether the history says this jar is the one its bundle ran last */
    boolean ranLast(CandidateJar candidate) {
        return lastSwap(candidate.symbolicName()).map(last -> candidate.sha256().equals(last.toSha256())).orElse(false);
    }

    /** @return the bundle's last swap that was done, from the history */
    private Optional<SwapRecord> lastSwap(String symbolicName) {
        return archive.history().stream().filter(swap -> swap.done() && swap.symbolicName().equals(symbolicName))
                .reduce((a, b) -> b);
    }

    private SwapPlan planFor(CandidateJar candidate, SwapAction requested) {
        Optional<Bundle> current = current(candidate.symbolicName());
        SwapAction action = requested != null ? requested : current.isPresent() ? SwapAction.UPDATE : SwapAction.INSTALL;
        return new SwapPlan(action, candidate.symbolicName(), current.map(bundle -> bundle.getVersion().toString()).orElse(null),
                current.map(this::checksum).orElse(null), candidate.version().toString(), candidate.sha256(),
                current.map(this::dependants).orElse(List.of()), Compatibility.problems(candidate, exports()));
    }

    private static SwapPlan refusedJar(Path jar, CandidateJar.InvalidJarException e) {
        return new SwapPlan(SwapAction.INSTALL, String.valueOf(jar.getFileName()), null, null, null, null, List.of(),
                List.of(e.getMessage()));
    }

    private SwapOutcome refused(SwapPlan plan) {
        LOG.warn("Refused to {} rule bundle {} {}: {}; {}", plan.action().name().toLowerCase(), plan.symbolicName(),
                plan.toVersion(), String.join("; ", plan.refusals()), plan.fromVersion() == null
                        ? "nothing was installed" : "version " + plan.fromVersion() + " keeps serving");
        record(plan, false, String.join("; ", plan.refusals()));
        return new SwapOutcome(plan, false, Duration.ZERO);
    }

    private void record(SwapPlan plan, boolean done, String note) {
        archive.record(new SwapRecord(Instant.now(), plan.action(), plan.symbolicName(), plan.fromVersion(),
                plan.fromSha256(), plan.toVersion(), plan.toSha256(), done, note));
        NodeMeter counting = meter;
        if (counting != null) {
            counting.swap(done);
        }
    }

    /**
     * Keeps the jar of a version about to be retired, when it was installed from a file outside the
     * archive (by an earlier tool, or a test), so that the swap can still be rolled back.
     */
    private void keepInArchive(Bundle bundle) {
        String location = bundle.getLocation().replaceFirst("^reference:", "");
        if (!location.startsWith("file:")) {
            return;
        }
        try {
            Path jar = Path.of(java.net.URI.create(location));
            if (Files.isRegularFile(jar) && !jar.startsWith(archive.folder())) {
                archive.keep(CandidateJar.read(jar));
            }
        } catch (RuntimeException e) {
            LOG.warn("The jar of {} {} ({}) could not be kept: {}; this swap cannot be rolled back",
                    bundle.getSymbolicName(), bundle.getVersion(), location, e.getMessage());
        }
    }

    /** Waits until the engine has bound every rule module service the new bundle registers. */
    private boolean awaitServing(Bundle fresh) {
        long deadline = System.nanoTime() + swapTimeout.toNanos();
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

    /**
     * Stops the bundle (the engine lets the evaluations running on it finish first), uninstalls it and
     * refreshes it with the bundles wired to it, so that its class loader can be collected.
     */
    private void retire(Bundle bundle) {
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
        checksums.remove(bundle.getBundleId());
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch refreshed = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        try {
            if (!refreshed.await(swapTimeout.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Refreshing after retiring {} {} took longer than {} s", bundle.getSymbolicName(), bundle.getVersion(),
                        swapTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the bundles a refresh of this one would restart, besides itself */
    private List<String> dependants(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        return wiring.getDependencyClosure(List.of(bundle)).stream().filter(other -> !other.equals(bundle))
                .map(other -> other.getSymbolicName() + " " + other.getVersion() + " (" + other.getBundleId() + ")").sorted().toList();
    }

    /** Says, for a bundle the framework could not resolve, which of its requirements nothing satisfies. */
    private List<String> unresolved(Bundle bundle) {
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

    /** @return every package the node's resolved bundles export, with the versions on offer */
    private Map<String, List<Version>> exports() {
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

    // ---- what is installed ----------------------------------------------------------------------------

    private List<Bundle> ruleBundles() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String provided = bundle.getHeaders("").get("Provide-Capability");
            if (bundle.getState() != Bundle.UNINSTALLED && provided != null && provided.contains(CandidateJar.RULE_MODULE)) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    /** @return the installed rule bundle of that name (outside a swap there is at most one) */
    Optional<Bundle> current(String symbolicName) {
        return ruleBundles().stream().filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .max(Comparator.comparingLong(Bundle::getBundleId));
    }

    /** @return the checksum of the jar a bundle was installed from */
    String checksum(Bundle bundle) {
        return checksums.computeIfAbsent(bundle.getBundleId(), id -> {
            String location = bundle.getLocation().replaceFirst("^reference:", "");
            try {
                return CandidateJar.sha256(Path.of(new URL(location).toURI()));
            } catch (Exception e) {
                return "unknown (installed from " + location + ")";
            }
        });
    }

    private String symbolicNameOf(String bundleOrModule) {
        return inventory.modules().stream().filter(module -> module.descriptor().id().equals(bundleOrModule))
                .map(module -> module.bundle()).findFirst().orElse(bundleOrModule);
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
