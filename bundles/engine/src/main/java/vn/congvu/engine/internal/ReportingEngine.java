package vn.congvu.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Geography;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.Report;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.engine.CandidateModules;
import vn.congvu.engine.Evaluation;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.ModuleOutcome;
import vn.congvu.engine.ReportFiling;
import vn.congvu.engine.WorkWatcher;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ProvinceStore;

/**
 * Evaluates the province's records with every installed rule module of the province and files the
 * report. Rule modules come and go as OSGi services; each evaluation works on the modules present when
 * it starts.
 */
@Designate(ocd = ReportingEngine.Config.class)
@Component(service = {ReportFiling.class, ModuleInventory.class}, configurationPid = "vn.congvu.engine",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ReportingEngine implements ReportFiling, ModuleInventory {

    /** Which province this node evaluates for. */
    @ObjectClassDefinition(name = "congvu engine")
    public @interface Config {
        /** @return the province code */
        @AttributeDefinition(description = "Official two-digit code of this node's province, such as 04")
        String province_code();

        /** @return the time limit of one module's evaluation */
        @AttributeDefinition(description = "Seconds one rule module may run before its evaluation is cancelled")
        int module_timeout_seconds() default 300;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReportingEngine.class);

    private final Province province;
    private final Duration moduleTimeout;
    private final ProvinceStore store;
    private final Map<ServiceReference<RuleModule>, InstalledModule> modules = new HashMap<>();
    private final ModuleRunner runner;
    private final Object modulesChanged = new Object();
    /** Counts filings and times evaluations for the node's metrics, when the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeMeter meter;
    private long generation;
    private long bindings;

    /**
     * @param config which province, and the module time limit
     * @param store  the records, and where the report is filed
     * @throws IllegalArgumentException if the province code is not an official one
     */
    @Activate
    public ReportingEngine(Config config, @Reference ProvinceStore store) {
        this.province = Province.of(config.province_code());
        if (config.module_timeout_seconds() < 1) {
            throw new IllegalArgumentException("module.timeout.seconds must be 1 or more, got "
                    + config.module_timeout_seconds());
        }
        this.moduleTimeout = Duration.ofSeconds(config.module_timeout_seconds());
        this.store = store;
        this.runner = new ModuleRunner(province, store, moduleTimeout);
        LOG.info("Engine ready for {} ({})", province.name(), province.code());
        // a node of a unit merged away still files and corrects the periods before the merger, and nothing after
        Geography.official().mergerOf(province.code()).ifPresent(merger -> LOG.warn("{} ({}) was merged into {} on {} ({}): "
                + "this node files only periods that end before that day; later ones are {}'s", province.name(),
                province.code(), merger.successor(), merger.effective(), merger.act(), merger.successor()));
    }

    /** Cancels evaluations still running. */
    @Deactivate
    public void close() {
        runner.close();
    }

    /**
     * Binds a rule module; its descriptor and checksum are read once, here. When another version of the
     * same module is already bound (a swap installs the new version beside the old one), this one serves
     * the evaluations that start from now on.
     *
     * @param module    the module
     * @param reference its service reference, which names its bundle
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRuleModule(RuleModule module, ServiceReference<RuleModule> reference) {
        ModuleDescriptor descriptor = module.descriptor();
        Bundle bundle = reference.getBundle();
        ModuleProvenance provenance = new ModuleProvenance(descriptor.id(), bundle.getVersion().toString(),
                BundleChecksums.sha256(bundle));
        synchronized (modules) {
            modules.put(reference, new InstalledModule(module, descriptor, provenance, bundle.getSymbolicName(),
                    bundle.getBundleId(), ++bindings, Instant.now()));
        }
        changed();
        LOG.info("Rule module {} {} ({}) installed from bundle {}", descriptor.id(), provenance.version(),
                descriptor.legalBasis(), bundle.getBundleId());
    }

    /**
     * Retires a rule module whose service is going away. Evaluations that started on it finish first
     * (within the module time limit): the bundle does not stop under them.
     *
     * @param reference the service reference of a module going away
     */
    void unbindRuleModule(ServiceReference<RuleModule> reference) {
        InstalledModule gone;
        synchronized (modules) {
            gone = modules.remove(reference);
        }
        changed();
        if (gone == null) {
            return;
        }
        int stillRunning = gone.retireAndAwaitIdle(moduleTimeout.toMillis());
        if (stillRunning > 0) {
            LOG.warn("Rule module {} {} removed while {} evaluation(s) still ran on it past the time limit",
                    gone.descriptor().id(), gone.provenance().version(), stillRunning);
        } else {
            LOG.info("Rule module {} {} removed", gone.descriptor().id(), gone.provenance().version());
        }
    }

    @Override
    public Province province() {
        return province;
    }

    @Override
    public long generation() {
        synchronized (modulesChanged) {
            return generation;
        }
    }

    @Override
    public void awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        synchronized (modulesChanged) {
            if (generation == seen) {
                modulesChanged.wait(Math.max(1, timeoutMillis));
            }
        }
    }

    private void changed() {
        synchronized (modulesChanged) {
            generation++;
            modulesChanged.notifyAll();
        }
    }

    @Override
    public List<InstalledModuleInfo> modules() {
        synchronized (modules) {
            Set<InstalledModule> serving = new HashSet<>(serving());
            return ownAndNational().map(installed -> new InstalledModuleInfo(installed.descriptor(), installed.provenance(),
                            installed.bundle(), installed.bundleId(), serving.contains(installed), installed.since()))
                    .sorted(Comparator.comparing((InstalledModuleInfo info) -> info.descriptor().id())
                            .thenComparing(InstalledModuleInfo::bundleId))
                    .toList();
        }
    }

    @Override
    public int boundFrom(long bundleId) {
        synchronized (modules) {
            return (int) modules.values().stream().filter(installed -> installed.bundleId() == bundleId).count();
        }
    }

    private Stream<InstalledModule> ownAndNational() {
        return modules.values().stream()
                .filter(installed -> installed.descriptor().provinceCode().equals(province.code())
                        || installed.descriptor().provinceCode().equals(ModuleDescriptor.ALL_PROVINCES));
    }

    /** Of each module id, the version bound last; caller holds the lock on {@code modules}. */
    private Collection<InstalledModule> serving() {
        return ownAndNational().collect(Collectors.toMap(installed -> installed.descriptor().id(), installed -> installed,
                (a, b) -> a.bindOrder() > b.bindOrder() ? a : b)).values();
    }

    /** Leases the serving version of every module that applies; the caller releases them. */
    private List<InstalledModule> leaseApplicable(Period period) {
        synchronized (modules) {
            List<InstalledModule> leased = new ArrayList<>();
            for (InstalledModule installed : serving()) {
                // a module is retired only under this lock, so a serving one always grants the lease
                if (appliesDuring(installed.descriptor(), period) && installed.lease()) {
                    leased.add(installed);
                }
            }
            return leased;
        }
    }

    @Override
    public FilingResult file(Period period, WorkWatcher watcher) {
        FilingResult result = fileUncounted(period, watcher);
        NodeMeter counting = meter;
        if (counting != null) {
            counting.filing(!result.filed() ? NodeMeter.FilingOutcome.NOT_FILED
                    : result.unchanged() ? NodeMeter.FilingOutcome.UNCHANGED : NodeMeter.FilingOutcome.FILED);
        }
        return result;
    }

    private FilingResult fileUncounted(Period period, WorkWatcher watcher) {
        Optional<Problem> notFiled = FilingCalendar.problem(province.code(), period, LocalDate.now(Period.ZONE));
        if (notFiled.isPresent()) {
            LOG.warn("Report {} {} not filed: {}", province.code(), period, notFiled.get().messageEn());
            return new FilingResult(Optional.empty(), 0, false, List.of(), List.of(), List.of(notFiled.get()));
        }
        List<InstalledModule> leased = leaseApplicable(period);
        Run run;
        try {
            run = run(period, leased, watcher);
        } finally {
            leased.forEach(InstalledModule::release);
        }
        if (run.report().isEmpty()) {
            return new FilingResult(Optional.empty(), 0, false, run.outcomes(), run.narrative(), run.problems());
        }
        FiledReport filed = store.fileReport(run.report().get(), Instant.now());
        if (filed.unchanged()) {
            LOG.info("Report {} revision {} already has these figures: nothing new to send",
                    filed.report().key(), filed.report().revision());
        } else {
            LOG.info("Filed report {} revision {} ({} figures); outbox entry {}", filed.report().key(),
                    filed.report().revision(), filed.report().values().size(), filed.outboxEntryId());
        }
        return new FilingResult(Optional.of(filed.report()), filed.outboxEntryId(), filed.unchanged(), run.outcomes(),
                run.narrative(), List.of());
    }

    @Override
    public Evaluation evaluate(Period period, CandidateModules candidate) {
        List<InstalledModule> leased = leaseApplicable(period);
        try {
            List<InstalledModule> modulesToRun = new ArrayList<>(leased);
            if (!candidate.modules().isEmpty()) {
                modulesToRun.removeIf(installed -> installed.bundle().equals(candidate.bundleSymbolicName()));
                for (RuleModule module : candidate.modules()) {
                    ModuleDescriptor descriptor = module.descriptor();
                    boolean ours = descriptor.provinceCode().equals(province.code())
                            || descriptor.provinceCode().equals(ModuleDescriptor.ALL_PROVINCES);
                    if (ours && appliesDuring(descriptor, period)) {
                        modulesToRun.add(new InstalledModule(module, descriptor,
                                new ModuleProvenance(descriptor.id(), candidate.version(), candidate.jarSha256())));
                    }
                }
            }
            Run run = run(period, modulesToRun, WorkWatcher.NONE);
            return new Evaluation(run.report(), run.outcomes(), run.problems(), run.figures());
        } finally {
            leased.forEach(InstalledModule::release);
        }
    }

    @Override
    public Optional<Period> lastFiled() {
        return store.lastFiledPeriod();
    }

    /** What evaluating and assembling gave, before anything is stored. */
    private record Run(Optional<Report> report, List<ModuleOutcome> outcomes, List<String> narrative,
                       List<Problem> problems, List<IndicatorValue> figures) {
        Run(Optional<Report> report, List<ModuleOutcome> outcomes, List<String> narrative, List<Problem> problems) {
            this(report, outcomes, narrative, problems, report.map(Report::values).orElse(List.of()));
        }
    }

    private Run run(Period period, List<InstalledModule> applicable, WorkWatcher watcher) {
        long started = System.nanoTime();
        Run run = runUntimed(period, applicable, new EvaluationProgress(store, "evaluating " + period, applicable, watcher));
        NodeMeter counting = meter;
        if (counting != null) {
            counting.evaluation(run.report().isPresent(), Duration.ofNanos(System.nanoTime() - started));
        }
        return run;
    }

    private Run runUntimed(Period period, List<InstalledModule> applicable, EvaluationProgress progress) {
        List<InstalledModule> ordered = applicable.stream()
                .sorted(Comparator.comparing(installed -> installed.descriptor().id())).toList();
        LOG.info("Evaluating {} {} with {} rule module(s)", province.name(), period, ordered.size());
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<ReportAssembler.Contribution> contributions = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        for (InstalledModule installed : ordered) {
            if (progress.cancelled()) {
                break;
            }
            Optional<ModuleResult> result = runner.run(installed, period, outcomes, progress);
            result.ifPresent(value -> {
                contributions.add(new ReportAssembler.Contribution(installed, value));
                narrative.addAll(value.narrative());
            });
        }
        if (progress.cancelled()) {
            LOG.info("Evaluation of {} {} cancelled: nothing filed", province.code(), period);
            return new Run(Optional.empty(), outcomes, narrative, List.of(EvaluationProgress.CANCELLED));
        }
        List<ModuleOutcome> failed = outcomes.stream().filter(outcome -> !outcome.completed()).toList();
        if (!failed.isEmpty()) {
            List<Problem> problems = failed.stream()
                    .map(outcome -> Problem.permanent("modules." + outcome.moduleId(),
                            "module." + outcome.status().name().toLowerCase(),
                            "Mô-đun " + outcome.moduleId() + " " + outcome.version() + " không chạy xong: " + outcome.error(),
                            "module " + outcome.moduleId() + " " + outcome.version() + " did not finish: " + outcome.error()))
                    .toList();
            return new Run(Optional.empty(), outcomes, narrative, problems);
        }
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(province, period, contributions);
        if (!assembly.problems().isEmpty()) {
            LOG.warn("Report {} {} not made: {} problem(s), first: {}", province.code(), period,
                    assembly.problems().size(), assembly.problems().get(0));
            return new Run(Optional.empty(), outcomes, narrative, assembly.problems(), assembly.figures());
        }
        return new Run(Optional.of(assembly.report()), outcomes, narrative, List.of());
    }

    private static boolean appliesDuring(ModuleDescriptor descriptor, Period period) {
        return !descriptor.validFrom().isAfter(period.lastDay())
                && (descriptor.validUntil() == null || !descriptor.validUntil().isBefore(period.firstDay()));
    }
}
