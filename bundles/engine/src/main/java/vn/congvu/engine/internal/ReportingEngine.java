package vn.congvu.engine.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.api.rule.RuleModule;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.engine.ModuleInventory;
import vn.congvu.engine.ModuleOutcome;
import vn.congvu.engine.ReportFiling;
import vn.congvu.store.FiledReport;
import vn.congvu.store.ProvinceStore;

/**
 * Evaluates the province's records with every installed rule module of the province and files the
 * report. Rule modules come and go as OSGi services; each evaluation works on the modules present when
 * it starts.
 */
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
    private final Map<ServiceReference<RuleModule>, InstalledModule> modules = new ConcurrentHashMap<>();
    private final ExecutorService evaluations;
    private final Object modulesChanged = new Object();
    private long generation;

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
        AtomicInteger count = new AtomicInteger();
        this.evaluations = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "congvu-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("Engine ready for {} ({})", province.name(), province.code());
    }

    /** Cancels evaluations still running. */
    @Deactivate
    public void close() {
        evaluations.shutdownNow();
    }

    /**
     * Binds a rule module; its descriptor and checksum are read once, here.
     *
     * @param module    the module
     * @param reference its service reference, which names its bundle
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRuleModule(RuleModule module, ServiceReference<RuleModule> reference) {
        ModuleDescriptor descriptor = module.descriptor();
        ModuleProvenance provenance = new ModuleProvenance(descriptor.id(),
                reference.getBundle().getVersion().toString(), BundleChecksums.sha256(reference.getBundle()));
        modules.put(reference, new InstalledModule(module, descriptor, provenance, reference.getBundle().getSymbolicName(),
                Instant.now()));
        changed();
        LOG.info("Rule module {} {} ({}) installed", descriptor.id(), provenance.version(), descriptor.legalBasis());
    }

    /**
     * @param reference the service reference of a module going away
     */
    void unbindRuleModule(ServiceReference<RuleModule> reference) {
        InstalledModule gone = modules.remove(reference);
        changed();
        if (gone != null) {
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
        return ownAndNational().map(installed -> new InstalledModuleInfo(installed.descriptor(), installed.provenance(),
                installed.bundle(), installed.since())).sorted(Comparator.comparing(info -> info.descriptor().id())).toList();
    }

    private java.util.stream.Stream<InstalledModule> ownAndNational() {
        return modules.values().stream()
                .filter(installed -> installed.descriptor().provinceCode().equals(province.code())
                        || installed.descriptor().provinceCode().equals(ModuleDescriptor.ALL_PROVINCES));
    }

    @Override
    public FilingResult file(Period period) {
        List<InstalledModule> applicable = ownAndNational()
                .filter(installed -> appliesDuring(installed.descriptor(), period))
                .sorted(Comparator.comparing(installed -> installed.descriptor().id()))
                .toList();
        LOG.info("Evaluating {} {} with {} rule module(s)", province.name(), period, applicable.size());
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<ReportAssembler.Contribution> contributions = new ArrayList<>();
        List<String> narrative = new ArrayList<>();
        for (InstalledModule installed : applicable) {
            Optional<ModuleResult> result = evaluate(installed, period, outcomes);
            result.ifPresent(value -> {
                contributions.add(new ReportAssembler.Contribution(installed, value));
                narrative.addAll(value.narrative());
            });
        }
        List<ModuleOutcome> failed = outcomes.stream().filter(outcome -> !outcome.completed()).toList();
        if (!failed.isEmpty()) {
            List<vn.congvu.api.Problem> problems = failed.stream()
                    .map(outcome -> vn.congvu.api.Problem.permanent("modules." + outcome.moduleId(),
                            "module." + outcome.status().name().toLowerCase(),
                            "Mô-đun " + outcome.moduleId() + " " + outcome.version() + " không chạy xong: " + outcome.error(),
                            "module " + outcome.moduleId() + " " + outcome.version() + " did not finish: " + outcome.error()))
                    .toList();
            return new FilingResult(Optional.empty(), 0, false, outcomes, narrative, problems);
        }
        ReportAssembler.Assembly assembly = ReportAssembler.assemble(province, period, contributions);
        if (!assembly.problems().isEmpty()) {
            LOG.warn("Report {} {} not filed: {} problem(s), first: {}", province.code(), period,
                    assembly.problems().size(), assembly.problems().get(0));
            return new FilingResult(Optional.empty(), 0, false, outcomes, narrative, assembly.problems());
        }
        FiledReport filed = store.fileReport(assembly.report(), Instant.now());
        if (filed.unchanged()) {
            LOG.info("Report {} revision {} already has these figures: nothing new to send",
                    filed.report().key(), filed.report().revision());
        } else {
            LOG.info("Filed report {} revision {} ({} figures); outbox entry {}", filed.report().key(),
                    filed.report().revision(), filed.report().values().size(), filed.outboxEntryId());
        }
        return new FilingResult(Optional.of(filed.report()), filed.outboxEntryId(), filed.unchanged(), outcomes,
                narrative, List.of());
    }

    private Optional<ModuleResult> evaluate(InstalledModule installed, Period period, List<ModuleOutcome> outcomes) {
        String id = installed.descriptor().id();
        String version = installed.provenance().version();
        long started = System.nanoTime();
        Future<ModuleResult> future = evaluations.submit(() -> installed.module()
                .evaluate(new StoreEvaluationContext(province, period, installed.descriptor(), store)));
        try {
            ModuleResult result = future.get(moduleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                throw new ExecutionException(new IllegalStateException("the module returned no result"));
            }
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.COMPLETED, null, since(started)));
            return Optional.of(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.error("Rule module {} {} ran past its {} limit and was cancelled", id, version, moduleTimeout);
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.TIMED_OUT,
                    "ran past its time limit of " + moduleTimeout.toSeconds() + " s", since(started)));
        } catch (ExecutionException e) {
            LOG.error("Rule module {} {} failed on {} {}", id, version, province.code(), period, e.getCause());
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.FAILED,
                    String.valueOf(e.getCause()), since(started)));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.FAILED, "interrupted", since(started)));
        }
        return Optional.empty();
    }

    private static boolean appliesDuring(ModuleDescriptor descriptor, Period period) {
        return !descriptor.validFrom().isAfter(period.lastDay())
                && (descriptor.validUntil() == null || !descriptor.validUntil().isBefore(period.firstDay()));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
